using Quire.Kernels.Management;

namespace Quire.Server.Kernels;

/// <summary>
/// What a kernel's lifecycle means for its clients. A death the restarter handles shows as <c>restarting</c> and then
/// <c>idle</c> on every WebSocket; one it gives up on, as <c>dead</c> (the kernel stays listed, and a restart through
/// the API may still revive it). A restart asked for through the API is not announced: the client that asked knows.
/// </summary>
internal sealed partial class KernelRegistry
{
    // Raised synchronously by the kernel's manager: only quick, non-blocking work here.
    private void OnStatusChanged(object? sender, KernelStatusChangedEventArgs e)
    {
        if (!_kernels.TryGetValue(e.KernelId, out var kernel))
        {
            return;
        }

        switch (e.Status)
        {
            case KernelStatus.Restarting:
                _outputs.OnKernelStopped(kernel.Id);
                kernel.Hub.ForgetPendingRequests();
                kernel.SetState(KernelStates.Restarting);
                if (!kernel.RestartRequested)
                {
                    LogAutoRestart(_logger, kernel.Id, e.Reason);
                    _metrics?.KernelRestarted(kernel.Name, automatic: true);
                    kernel.Hub.PushStatus(KernelStates.Restarting);
                }

                break;
            case KernelStatus.Running when e.Previous == KernelStatus.Restarting && !kernel.RestartRequested:
                _ = Task.Run(() => AfterAutomaticRestartAsync(kernel), CancellationToken.None);
                break;
            case KernelStatus.Dead:
                _outputs.OnKernelStopped(kernel.Id);
                kernel.SetState(KernelStates.Dead, e.Reason);
                LogDead(_logger, kernel.Id, e.Reason);
                _metrics?.KernelDied(kernel.Name);
                kernel.Hub.PushStatus(KernelStates.Dead);
                break;
        }
    }

    // The new process answered the manager; once the hub hears its iopub again, clients learn it is idle.
    private async Task AfterAutomaticRestartAsync(ServerKernel kernel)
    {
        try
        {
            await kernel.Hub.NudgeAsync(_options.KernelInfoTimeout, _stopping.Token).ConfigureAwait(false);
            kernel.SetState(KernelStates.Idle);
            kernel.Hub.PushStatus(KernelStates.Idle);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The server stops or the kernel was shut down meanwhile.
        }
    }
}
