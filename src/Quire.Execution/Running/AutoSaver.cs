using Microsoft.Extensions.Logging;
using Quire.Notebook;

namespace Quire.Execution.Running;

/// <summary>
/// Saves the partially executed notebook when the run starts and then every interval if anything changed, so that a
/// crash of this process loses at most one interval of outputs. A failed save is logged and retried next tick.
/// </summary>
internal sealed partial class AutoSaver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private AutoSaver(RunningNotebook notebook, Func<NotebookDocument, CancellationToken, Task> save, TimeSpan interval, TimeProvider time, ILogger logger) =>
        _loop = Task.Run(() => LoopAsync(notebook, save, interval, time, logger, _stop.Token), CancellationToken.None);

    public static AutoSaver? Start(RunningNotebook notebook, Func<NotebookDocument, CancellationToken, Task>? save, TimeSpan interval, TimeProvider time, ILogger logger) =>
        save is null ? null : new AutoSaver(notebook, save, interval, time, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task LoopAsync(
        RunningNotebook notebook, Func<NotebookDocument, CancellationToken, Task> save, TimeSpan interval, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var saved = -1;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            var version = notebook.Version;
            if (version == saved)
            {
                continue;
            }

            try
            {
                await save(notebook.Snapshot(), cancellationToken).ConfigureAwait(false);
                saved = version;
                LogSaved(logger, version);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSaveFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved the partially executed notebook (change {Version})")]
    private static partial void LogSaved(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the partially executed notebook failed; retrying at the next interval: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string reason);
}
