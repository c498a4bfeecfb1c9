namespace Quire.Server.Kernels;

/// <summary>
/// The idle culler, as jupyter_server's: every <see cref="KernelsOptions.CullInterval"/>, dead kernels are shut down,
/// and so are kernels idle longer than <see cref="KernelsOptions.CullIdleTimeout"/>, unless busy (see
/// <see cref="KernelsOptions.CullBusy"/>) or connected (see <see cref="KernelsOptions.CullConnected"/>).
/// </summary>
internal sealed partial class KernelRegistry
{
    private async Task CullLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.CullInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await CullOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over the kernels.</summary>
    internal async Task CullOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var kernel in _kernels.Values.ToList())
        {
            try
            {
                var state = kernel.ExecutionState;
                var idle = _time.GetUtcNow() - kernel.LastActivity;
                var connections = kernel.Connections;
                var cull = state == KernelStates.Dead
                    || (idle > _options.CullIdleTimeout
                        && (_options.CullBusy || state != KernelStates.Busy)
                        && (_options.CullConnected || connections == 0));
                if (!cull)
                {
                    continue;
                }

                LogCulled(_logger, kernel.Id, kernel.Name, state, connections, (long)idle.TotalSeconds);
                await ShutdownAsync(kernel.Id, cancellationToken).ConfigureAwait(false);
                _metrics?.KernelCulled(kernel.Name);
                KernelCulled?.Invoke(kernel.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // jupyter_server logs and goes on with the next kernel.
                LogCullFailed(_logger, kernel.Id, ex);
            }
        }
    }
}
