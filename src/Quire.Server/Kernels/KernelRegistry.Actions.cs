using Quire.Kernels.Management;
using Quire.Server.Http;

namespace Quire.Server.Kernels;

/// <summary>What the API does to a running kernel: interrupt, restart, shut down.</summary>
internal sealed partial class KernelRegistry
{
    /// <exception cref="ApiException">404 for an unknown kernel; 500 when the kernel is not running.</exception>
    public async Task InterruptAsync(string kernelId, CancellationToken cancellationToken)
    {
        var kernel = Get(kernelId);
        try
        {
            await kernel.Manager.InterruptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new ApiException(500, ex.Message);
        }
        catch (TimeoutException ex)
        {
            throw new ApiException(500, $"Kernel {kernelId} did not answer its interrupt_request: {ex.Message}");
        }

        kernel.Touch();
    }

    /// <summary>Restarts the kernel on the same ports and returns once it answers again, as jupyter_server's restart does.</summary>
    /// <exception cref="ApiException">404 for an unknown kernel; 500 when the restart failed.</exception>
    public async Task<ServerKernel> RestartAsync(string kernelId, CancellationToken cancellationToken)
    {
        var kernel = Get(kernelId);
        kernel.RestartRequested = true;
        try
        {
            await kernel.Manager.RestartAsync(cancellationToken).ConfigureAwait(false);
            await kernel.Hub.NudgeAsync(_options.KernelInfoTimeout, cancellationToken).ConfigureAwait(false);
            kernel.SetState(KernelStates.Idle);
        }
        catch (Exception ex) when (ex is KernelStartException or InvalidOperationException)
        {
            LogRestartFailed(_logger, kernelId, ex);
            throw new ApiException(500, "Exception restarting kernel");
        }
        finally
        {
            kernel.RestartRequested = false;
        }

        kernel.Touch();
        _metrics?.KernelRestarted(kernel.Name, automatic: false);
        return kernel;
    }

    /// <summary>Shuts a kernel down and forgets it; its WebSockets are closed.</summary>
    /// <exception cref="ApiException">404 for an unknown kernel.</exception>
    public async Task ShutdownAsync(string kernelId, CancellationToken cancellationToken)
    {
        if (!_kernels.TryRemove(kernelId, out var kernel))
        {
            throw ApiException.NotFound($"Kernel does not exist: {kernelId}");
        }

        try
        {
            await _manager.ShutdownKernelAsync(kernelId, now: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException)
        {
            // Shut down by a concurrent request; the rest still applies.
        }
        finally
        {
            await kernel.Hub.DisposeAsync().ConfigureAwait(false);
            kernel.Forget();
            _outputs.OnKernelStopped(kernelId);
            _metrics?.KernelStopped(kernel.Name);
            _activity.KernelActivity(_time.GetUtcNow());
            LogShutDown(_logger, kernelId);
            KernelRemoved?.Invoke(kernelId);
        }
    }

    private async Task ShutdownQuietlyAsync(string kernelId, CancellationToken cancellationToken)
    {
        try
        {
            await ShutdownAsync(kernelId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or OperationCanceledException or InvalidOperationException or IOException)
        {
            LogShutdownFailed(_logger, kernelId, ex);
        }
    }
}
