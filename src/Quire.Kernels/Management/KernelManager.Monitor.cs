using Quire.Messaging.Client;

namespace Quire.Kernels.Management;

/// <summary>
/// The restarter: waits for the process to exit (or the heartbeat to go silent, then kills it) and restarts it on the
/// same ports. A death within the provisioner's stable start time of a launch is a fast death; after more than
/// <see cref="KernelManagerOptions.RestartLimit"/> of them in a row the kernel is left <see cref="KernelStatus.Dead"/>.
/// </summary>
public sealed partial class KernelManager
{
    // After the process exited: how long the client must have read nothing, and how long it may take at most, before
    // the death is acted on (the kernel's last messages are already in the sockets; reading them takes milliseconds).
    private static readonly TimeSpan DeathSettleQuiet = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DeathSettleLimit = TimeSpan.FromMilliseconds(1000);

    private readonly Lock _monitorLock = new();
    private CancellationTokenSource? _monitorStop;
    private Task _monitor = Task.CompletedTask;

    private void StartMonitor()
    {
        var stop = new CancellationTokenSource();
        lock (_monitorLock)
        {
            _monitorStop = stop;
            _monitor = Task.Run(() => MonitorAsync(stop.Token), CancellationToken.None);
        }
    }

    // Signals the monitor without waiting for it, so that a restart it is doing is abandoned before we queue for the lock.
    private async Task CancelMonitorAsync()
    {
        CancellationTokenSource? stop;
        lock (_monitorLock)
        {
            stop = _monitorStop;
        }

        if (stop is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    // With the lifecycle lock held: the monitor only waits for that lock with its own token, so it cannot block this.
    private async Task StopMonitorAsync()
    {
        CancellationTokenSource? stop;
        Task monitor;
        lock (_monitorLock)
        {
            (stop, monitor, _monitorStop, _monitor) = (_monitorStop, _monitor, null, Task.CompletedTask);
        }

        if (stop is null)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await monitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        var fastDeaths = 0;
        try
        {
            while (true)
            {
                var (exitCode, reason) = await WatchForDeathAsync(cancellationToken).ConfigureAwait(false);
                await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    while (true)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var provisioner = _provisioner!;
                        var fast = _time.GetUtcNow() - _launchedAt < provisioner.StableStartTime;
                        fastDeaths = fast ? fastDeaths + 1 : 1;
                        if (fastDeaths > _options.RestartLimit)
                        {
                            await StopKernelAsync(restart: false, now: true, cancellationToken).ConfigureAwait(false);
                            SetStatus(KernelStatus.Dead, $"{reason}; not restarted: {_options.RestartLimit} restart(s) in a row did not last", exitCode);
                            return;
                        }

                        SetStatus(KernelStatus.Restarting, $"{reason}; restarting ({fastDeaths}/{_options.RestartLimit})", exitCode);
                        try
                        {
                            await StopKernelAsync(restart: true, now: true, cancellationToken).ConfigureAwait(false);
                            await LaunchAndConnectAsync(_connection, cancellationToken).ConfigureAwait(false);
                            lock (_stateLock)
                            {
                                _autoRestarts++;
                            }

                            SetStatus(KernelStatus.Running, "restarted after the kernel died");
                            break;
                        }
                        catch (KernelStartException ex)
                        {
                            (exitCode, reason) = (ex.ExitCode, ex.Message);
                        }
                    }
                }
                finally
                {
                    _lifecycle.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by a restart or shutdown, which takes over from here.
        }
        catch (Exception ex)
        {
            KernelManagerLog.MonitorFailed(_logger, KernelId, ex);
            SetStatus(KernelStatus.Dead, $"the restart monitor failed: {ex.Message}");
        }
    }

    private async Task<(int? ExitCode, string Reason)> WatchForDeathAsync(CancellationToken cancellationToken)
    {
        var provisioner = Read(() => _provisioner)!;
        var client = Read(() => _client)!;
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exited = provisioner.WaitAsync(cancellationToken);
        var silent = _options.HeartbeatMisses > 0
            ? WatchHeartbeatAsync(client, stopHeartbeat.Token)
            : Task.Delay(Timeout.InfiniteTimeSpan, _time, stopHeartbeat.Token);
        var first = await Task.WhenAny(exited, silent).ConfigureAwait(false);
        await stopHeartbeat.CancelAsync().ConfigureAwait(false);
        await silent.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (first == exited)
        {
            var code = await exited.ConfigureAwait(false);

            // What it sent before it died (a reply that says which request it finished) is read before the client
            // closes: a frontend that queued requests behind that one can then tell which of them was running.
            await client.SettleAsync(DeathSettleQuiet, DeathSettleLimit, cancellationToken).ConfigureAwait(false);
            return (code, $"the kernel process exited with code {code}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await provisioner.KillAsync(restart: true, cancellationToken).ConfigureAwait(false);
        var killed = await exited.WaitAsync(_options.KillWaitTime, _time, cancellationToken).ConfigureAwait(false);
        return (killed, $"the kernel missed {_options.HeartbeatMisses} heartbeats in a row and was killed");
    }

    private async Task WatchHeartbeatAsync(KernelClient client, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        var misses = 0;
        while (misses < _options.HeartbeatMisses && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            bool alive;
            try
            {
                alive = await client.IsAliveAsync(_options.HeartbeatInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                KernelManagerLog.StepFailed(_logger, KernelId, "heartbeat ping", ex.Message);
                alive = false;
            }

            misses = alive ? 0 : misses + 1;
        }
    }
}
