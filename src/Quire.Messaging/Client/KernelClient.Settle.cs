using Quire.Messaging.Protocol;

namespace Quire.Messaging.Client;

/// <summary>Reading what a kernel sent before it died.</summary>
public sealed partial class KernelClient
{
    private long _lastDispatch;

    // Set only while SettleAsync waits, so that dispatching costs a timestamp otherwise.
    private TaskCompletionSource? _settling;

    /// <summary>
    /// Returns once no message has been dispatched for <paramref name="quiet"/> (counted from this call at the
    /// earliest) and none waits in a receive queue, or after <paramref name="limit"/>. For a kernel whose process has exited: what it sent before it died is already on
    /// its way, and a reply in it says which request it finished (a client that sends requests ahead would otherwise
    /// blame the cell after the one that killed it on the one before). nbclient gets the same by reading its sockets
    /// before it asks whether the kernel is alive.
    /// </summary>
    public async Task SettleAsync(TimeSpan quiet, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        while (Volatile.Read(ref _disposed) == 0 && _time.GetElapsedTime(started) < limit)
        {
            var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _settling, next);
            // Quiet counts from the call at the earliest: what the kernel sent last may not have reached a queue yet.
            var idle = _time.GetElapsedTime(Math.Max(Volatile.Read(ref _lastDispatch), started));
            if (idle >= quiet && Queued() == 0)
            {
                return;
            }

            var wait = idle >= quiet ? quiet : quiet - idle;
            await Task.WhenAny(next.Task, Task.Delay(wait, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private int Queued()
    {
        var count = 0;
        foreach (var channel in (ReadOnlySpan<KernelChannel>)[KernelChannel.Shell, KernelChannel.Control, KernelChannel.IOPub, KernelChannel.Stdin])
        {
            var reader = _channels.Reader(channel);
            count += reader.CanCount ? reader.Count : 0;
        }

        return count;
    }

    private void Dispatched()
    {
        Volatile.Write(ref _lastDispatch, _time.GetTimestamp());
        Volatile.Read(ref _settling)?.TrySetResult();
    }
}
