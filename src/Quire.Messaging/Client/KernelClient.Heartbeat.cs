using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>The heartbeat monitor.</summary>
public sealed partial class KernelClient
{
    /// <summary>
    /// Pings the kernel every <see cref="KernelClientOptions.HeartbeatInterval"/>; after
    /// <see cref="KernelClientOptions.HeartbeatMisses"/> unanswered pings in a row the kernel is dead: the state becomes
    /// <c>dead</c>, waiting requests fail with <see cref="KernelDeadException"/> and <see cref="HeartbeatLost"/> is raised
    /// once. Calling it again does nothing.
    /// </summary>
    public void StartHeartbeatMonitor()
    {
        ThrowIfDisposed();
        if (Interlocked.Exchange(ref _heartbeatStarted, 1) == 0)
        {
            _heartbeat = HeartbeatLoopAsync(_stop.Token);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var interval = _options.HeartbeatInterval;
        var allowed = Math.Max(1, _options.HeartbeatMisses);
        var misses = 0;
        try
        {
            while (misses < allowed)
            {
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
                misses = await PingOnceAsync(interval, cancellationToken).ConfigureAwait(false) ? 0 : misses + 1;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        OnHeartbeatLost(misses, interval);
    }

    private async Task<bool> PingOnceAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _channels.PingAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.PingFailed(ex);
            return false;
        }
    }

    private void OnHeartbeatLost(int misses, TimeSpan interval)
    {
        lock (_stateLock)
        {
            _executionState = ExecutionStates.Dead;
        }

        _logger.HeartbeatLost(misses, interval);
        FailAll(new KernelDeadException($"the kernel missed {misses} heartbeat(s); it is presumed dead"));
        try
        {
            HeartbeatLost?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex)
        {
            _logger.HeartbeatHandlerFailed(ex);
        }
    }
}
