using System.Text.Json;
using Quire.Kernels.Management;

namespace Quire.Execution.Running;

/// <summary>How a cell's run ends other than by its reply: kernel death, interrupts, time limits.</summary>
public sealed partial class NotebookExecutor
{
    private async Task<CellOutcome> DiedAsync(Task<KernelStatusChangedEventArgs> death, string? fallback = null)
    {
        await ((Task)death).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!death.IsCompletedSuccessfully)
        {
            return new CellOutcome(true, null, null) { Stop = ExecutionStatus.KernelDied, Message = $"the kernel stopped responding ({fallback ?? "no reason given"})" };
        }

        var e = death.Result;

        // The manager's reason ends with its restart policy, which says nothing here: the run never restarts.
        var reason = e.Reason.Split(';')[0];
        if (e.ExitCode is { } code)
        {
            var said = $"exited with code {code}";
            reason = reason.Contains(said, StringComparison.Ordinal)
                ? reason.Replace(said, $"exited with status {code}", StringComparison.Ordinal) + SignalText(code)
                : $"{reason} (exit status {code}){SignalText(code)}";
        }

        return new CellOutcome(true, null, null) { Stop = ExecutionStatus.KernelDied, Message = $"the kernel died: {reason}", KernelExitCode = e.ExitCode };
    }

    private async Task InterruptAsync(KernelManager manager, TimeSpan wait)
    {
        try
        {
            await manager.InterruptAsync(CancellationToken.None).WaitAsync(wait, _time).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            LogInterruptFailed(_logger, ex.Message);
        }
    }

    private (TimeSpan? Limit, bool ByTotal) Limit(TimeSpan? cellTimeout, DateTimeOffset? deadline)
    {
        var remaining = deadline is { } d ? d - _time.GetUtcNow() : (TimeSpan?)null;
        if (remaining is { } r && r < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        return (cellTimeout, remaining) switch
        {
            (null, null) => (null, false),
            ({ } c, null) => (c, false),
            (null, { } t) => (t, true),
            ({ } c, { } t) => c <= t ? (c, false) : (t, true),
        };
    }

    private static JsonElement? CellMetadata(string? cellId)
    {
        if (cellId is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse($"{{\"cellId\":\"{JsonEncodedText.Encode(cellId)}\"}}");
        return document.RootElement.Clone();
    }

    private static string IdText(string? id) => id is null ? string.Empty : $" (id {id})";

    // Process exit codes of a child killed by a signal are 128 + the signal on Unix.
    private static string SignalText(int code) => code > 128 && code < 160 ? $" (killed by signal {code - 128})" : code < 0 ? $" (killed by signal {-code})" : string.Empty;

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Interrupting the kernel failed: {Reason}")]
    private static partial void LogInterruptFailed(Microsoft.Extensions.Logging.ILogger logger, string reason);
}
