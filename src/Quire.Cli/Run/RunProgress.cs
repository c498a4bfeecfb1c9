using Quire.Cli.Hosting;
using Quire.Execution.Running;
using Quire.Notebook;
using Spectre.Console;

namespace Quire.Cli.Run;

/// <summary>Runs the executor, feeding its events to <c>--progress</c> (a Spectre.Console bar on standard error) and <c>--log-output</c>.</summary>
internal static class RunProgress
{
    public static async Task<ExecutionOutcome> ExecuteAsync(
        NotebookExecutor executor,
        NotebookDocument notebook,
        ExecutionOptions options,
        bool showProgress,
        OutputLog? log,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        if (!showProgress)
        {
            return await executor.ExecuteAsync(notebook, options with { Progress = Events(log, null) }, cancellationToken).ConfigureAwait(false);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Ansi = console.Colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        return await terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting the kernel", maxValue: 1);
                var outcome = await executor.ExecuteAsync(notebook, options with { Progress = Events(log, task) }, cancellationToken).ConfigureAwait(false);
                task.Description = outcome.Status is ExecutionStatus.Completed ? "done" : $"stopped: {outcome.Status}";
                task.StopTask();
                return outcome;
            })
            .ConfigureAwait(false);
    }

    private static SyncEvents Events(OutputLog? log, ProgressTask? task) => new(e =>
    {
        switch (e.Kind)
        {
            case ExecutionEventKind.KernelStarted when task is not null:
                task.MaxValue = Math.Max(1, e.Total);
                task.Description = $"{e.Total} cells";
                break;
            case ExecutionEventKind.CellStarted:
                log?.CellStarted(e.Ordinal, e.Total, e.CellId);
                if (task is not null)
                {
                    task.Description = $"cell {e.Ordinal}/{e.Total}{(e.CellId is null ? string.Empty : $" ({Markup.Escape(e.CellId)})")}";
                }

                break;
            case ExecutionEventKind.Output when e.Output is not null:
                log?.Write(e.Ordinal, e.Total, e.CellId, e.Output);
                break;
            case ExecutionEventKind.CellFinished:
                task?.Value = e.Ordinal;
                break;
        }
    });

    /// <summary>Handles events where they are raised: <see cref="Progress{T}"/> would post them and lose their order.</summary>
    private sealed class SyncEvents(Action<ExecutionEvent> handler) : IProgress<ExecutionEvent>
    {
        public void Report(ExecutionEvent value) => handler(value);
    }
}
