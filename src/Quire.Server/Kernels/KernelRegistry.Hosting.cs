namespace Quire.Server.Kernels;

/// <summary>The registry as a hosted service: the culler runs while the server does, and kernels stop with it.</summary>
internal sealed partial class KernelRegistry
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.CullIdleTimeout > TimeSpan.Zero)
        {
            LogCulling(_logger, _options.CullIdleTimeout.TotalSeconds, _options.CullInterval.TotalSeconds, _options.CullBusy, _options.CullConnected);
            _culler = Task.Run(() => CullLoopAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _culler.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_options.ShutdownKernelsOnStop)
        {
            await Task.WhenAll(_kernels.Keys.Select(id => ShutdownQuietlyAsync(id, cancellationToken))).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _manager.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
