using System.Globalization;
using Quire.Kernels.Management;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>The cell loop: one cell after another until the end, an error that is not allowed, or a stop.</summary>
public sealed partial class NotebookExecutor
{
    private async Task<ExecutionOutcome> RunCellsAsync(
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        ExecutionOptions options,
        Task<KernelStatusChangedEventArgs> death,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        var snapshot = run.Cells;
        var executed = 0;
        for (var ordinal = 1; ordinal <= cells.Count; ordinal++)
        {
            var index = cells[ordinal - 1];
            var cell = snapshot[index];
            if (cancellationToken.IsCancellationRequested)
            {
                return new ExecutionOutcome(run.Template, ExecutionStatus.Interrupted) { Message = "interrupted before the next cell", CellsExecuted = executed };
            }

            if (deadline is { } runDeadline && _time.GetUtcNow() >= runDeadline)
            {
                return new ExecutionOutcome(run.Template, ExecutionStatus.Timeout) { Message = "the run timed out (--timeout) before the next cell", CellsExecuted = executed };
            }

            var start = _time.GetUtcNow();
            run.UpdateCellMetadata(index, m => m
                .With("execution", JObject.Empty)
                .With("papermill", (m.GetObject("papermill") ?? JObject.Empty).With("start_time", Timestamps.Format(start)).With("status", "running")));
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.CellStarted, index, ordinal, cells.Count) { CellId = cell.Id });

            var allowErrors = options.AllowErrors || cell.Tags.Contains("raises-exception", StringComparer.Ordinal);
            var result = await RunCellAsync(run, manager, index, ordinal, cells.Count, cell.Source, cell.Id, allowErrors, options, death, deadline, cancellationToken)
                .ConfigureAwait(false);
            executed++;
            var end = _time.GetUtcNow();
            var failed = result.Failed || result.Stop is not null;
            run.UpdateCellMetadata(index, m => m.With("papermill", (m.GetObject("papermill") ?? JObject.Empty)
                .With("end_time", Timestamps.Format(end))
                .With("duration", JNumber.From((end - start).TotalSeconds))
                .With("exception", failed ? JLiteral.True : JLiteral.Null)
                .With("status", failed ? "failed" : "completed")));
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.CellFinished, index, ordinal, cells.Count)
            {
                CellId = cell.Id,
                Failed = failed,
                Duration = end - start,
            });

            if (result.Stop is { } stop)
            {
                return new ExecutionOutcome(run.Template, stop)
                {
                    FailedCellIndex = index,
                    Message = $"cell {index}{IdText(cell.Id)}: {result.Message}",
                    KernelExitCode = result.KernelExitCode,
                    CellsExecuted = executed,
                };
            }

            if (result.Failed && !allowErrors)
            {
                return new ExecutionOutcome(run.Template, ExecutionStatus.CellError)
                {
                    FailedCellIndex = index,
                    Message = $"cell {index}{IdText(cell.Id)} raised {result.Ename}: {result.Evalue}",
                    CellsExecuted = executed,
                };
            }
        }

        return new ExecutionOutcome(run.Template, ExecutionStatus.Completed) { CellsExecuted = executed };
    }

    private async Task<CellOutcome> RunCellAsync(
        RunningNotebook run,
        KernelManager manager,
        int index,
        int ordinal,
        int total,
        string source,
        string? cellId,
        bool allowErrors,
        ExecutionOptions options,
        Task<KernelStatusChangedEventArgs> death,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        if (manager.Client is not { } client)
        {
            return await DiedAsync(death).ConfigureAwait(false);
        }

        var handler = new CellMessageHandler(run, index, _time, output =>
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.Output, index, ordinal, total) { CellId = cellId, Output = output }));
        void OnIOPub(object? sender, Quire.Messaging.Protocol.JupyterMessage message) => handler.OnIOPub(message);

        // No input handler: the request says allow_stdin=false, so input() raises in the kernel (nbclient does the same).
        client.InputHandler = null;
        client.IOPubReceived += OnIOPub;
        using var stopExecution = new CancellationTokenSource();
        using var stopWaiting = new CancellationTokenSource();
        try
        {
            var request = new Quire.Messaging.Client.ExecuteOptions { StopOnError = !allowErrors, Metadata = CellMetadata(cellId) };
            var execution = client.ExecuteAsync(source, request, handler, stopExecution.Token);
            var (limit, byTotal) = Limit(options.CellTimeout, deadline);
            var timer = limit is { } l ? Task.Delay(l, _time, stopWaiting.Token) : Task.Delay(Timeout.InfiniteTimeSpan, stopWaiting.Token);

            // Linked, so that the wait's registration on the caller's token goes away with the cell.
            using var caller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, caller.Token);
            var first = await Task.WhenAny(execution, death, timer, cancelled).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            await caller.CancelAsync().ConfigureAwait(false);
            if (first == execution)
            {
                try
                {
                    var result = await execution.ConfigureAwait(false);
                    handler.ReplyReceived();
                    return result.Succeeded ? new CellOutcome(false, null, null) : new CellOutcome(true, result.Reply.Ename ?? result.Reply.Status, result.Reply.Evalue);
                }
                catch (Exception ex) when (ex is Quire.Messaging.Client.KernelDeadException or ObjectDisposedException or OperationCanceledException or TimeoutException or IOException)
                {
                    // The manager closes the client before it reports the death; its reason is worth a moment's wait.
                    return await DiedAsync(death, ex.Message).ConfigureAwait(false);
                }
            }

            if (first == death)
            {
                return await DiedAsync(death).ConfigureAwait(false);
            }

            // A timeout or Ctrl+C: interrupt, give the cell a moment to report its traceback, then stop.
            await InterruptAsync(manager, options.InterruptGrace).ConfigureAwait(false);
            await Task.WhenAny(execution, death, Task.Delay(options.InterruptGrace, _time, CancellationToken.None)).ConfigureAwait(false);
            if (first == cancelled)
            {
                return new CellOutcome(true, "KeyboardInterrupt", null) { Stop = ExecutionStatus.Interrupted, Message = "interrupted" };
            }

            var seconds = limit!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var message = byTotal
                ? $"the run timed out (--timeout) while this cell was being executed, after {seconds} seconds in it"
                : $"A cell timed out while it was being executed, after {seconds} seconds.";
            run.AddOutput(index, JObject.Of(
                ("ename", "CellTimeoutError"),
                ("evalue", message),
                ("output_type", "error"),
                ("traceback", JArray.OfStrings([$"CellTimeoutError: {message}"]))));
            return new CellOutcome(true, "CellTimeoutError", message) { Stop = ExecutionStatus.Timeout, Message = message };
        }
        finally
        {
            client.IOPubReceived -= OnIOPub;
            await stopExecution.CancelAsync().ConfigureAwait(false);
        }
    }
}
