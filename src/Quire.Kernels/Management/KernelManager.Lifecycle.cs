using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;

namespace Quire.Kernels.Management;

/// <summary>Start, attach, interrupt, restart and shut down.</summary>
public sealed partial class KernelManager
{
    /// <summary>Launches the kernel and returns once it has answered <c>kernel_info_request</c>.</summary>
    /// <exception cref="KernelStartException">It exited first (with its exit code and last output) or did not answer in time.</exception>
    public async Task StartAsync(KernelStartParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfNotNew();
            _parameters = parameters ?? new KernelStartParameters();
            var provisioner = _provisioners.Create(Spec);
            lock (_stateLock)
            {
                _provisioner = provisioner;
            }

            SetStatus(KernelStatus.Starting, $"starting kernelspec {Spec.Name} with {provisioner.Name}");
            await StartOrGiveUpAsync(() => LaunchOnFreshPortsAsync(cancellationToken)).ConfigureAwait(false);
            SetStatus(KernelStatus.Running, "kernel_info_reply received");
            StartMonitor();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Reattaches to a kernel this or an earlier server process started, from its saved provisioner state.</summary>
    /// <exception cref="InvalidOperationException">The kernel is gone or the state belongs to another kernel.</exception>
    public async Task AttachAsync(ProvisionerState state, KernelStartParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfNotNew();
            if (!string.Equals(state.KernelId, KernelId, StringComparison.Ordinal) || state.Connection is null)
            {
                throw new InvalidOperationException($"the saved state is of kernel {state.KernelId} (or has no connection), not of {KernelId}");
            }

            _parameters = parameters ?? new KernelStartParameters();
            var provisioner = _provisioners.Create(Spec);
            await provisioner.LoadStateAsync(state, cancellationToken).ConfigureAwait(false);
            lock (_stateLock)
            {
                _provisioner = provisioner;
                _connection = state.Connection;
            }

            SetStatus(KernelStatus.Starting, $"reattaching to {provisioner.Name} kernel");
            await StartOrGiveUpAsync(async () =>
            {
                _launchedAt = state.StartedAt ?? _time.GetUtcNow();
                await ConnectAsync(provisioner, state.Connection, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            SetStatus(KernelStatus.Running, "reattached; kernel_info_reply received");
            StartMonitor();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>SIGINT to the process group, or an <c>interrupt_request</c> for kernels with <c>interrupt_mode: message</c>.</summary>
    public async Task InterruptAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Status != KernelStatus.Running || _provisioner is null || _client is null)
            {
                throw new InvalidOperationException($"kernel {KernelId} is {Status}: there is no running kernel to interrupt");
            }

            if (Spec.InterruptMode == KernelInterruptMode.Message)
            {
                await _client.InterruptAsync(_options.InterruptTimeout, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _provisioner.SignalAsync(UnixSignals.Interrupt, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the kernel (a <c>shutdown_request</c> with <c>restart: true</c>, then force) and starts it again on the same
    /// ports and key, as jupyter_client does: clients reconnect to the same addresses.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await CancelMonitorAsync().ConfigureAwait(false);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Status is KernelStatus.NotStarted or KernelStatus.ShutDown || _provisioner is null)
            {
                throw new InvalidOperationException($"kernel {KernelId} is {Status}: only a started kernel can be restarted");
            }

            await StopMonitorAsync().ConfigureAwait(false);
            SetStatus(KernelStatus.Restarting, "restart requested");
            await StopKernelAsync(restart: true, now: false, cancellationToken).ConfigureAwait(false);
            await StartOrGiveUpAsync(() => LaunchAndConnectAsync(_connection, cancellationToken)).ConfigureAwait(false);
            SetStatus(KernelStatus.Running, "restarted on request");
            StartMonitor();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// A <c>shutdown_request</c> on control, then SIGTERM and SIGKILL for a kernel that does not exit; then the connection
    /// file is removed. With <paramref name="now"/> the kernel is killed at once. Calling it again does nothing.
    /// </summary>
    public async Task ShutdownAsync(bool now = false, CancellationToken cancellationToken = default)
    {
        await CancelMonitorAsync().ConfigureAwait(false);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Status == KernelStatus.ShutDown)
            {
                return;
            }

            await StopMonitorAsync().ConfigureAwait(false);
            if (_provisioner is { } provisioner)
            {
                await StopKernelAsync(restart: false, now, cancellationToken).ConfigureAwait(false);
                await provisioner.DisposeAsync().ConfigureAwait(false);
            }

            SetStatus(KernelStatus.ShutDown, now ? "killed on request" : "shut down on request");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private void ThrowIfNotNew()
    {
        if (Status != KernelStatus.NotStarted)
        {
            throw new InvalidOperationException($"kernel {KernelId} was already started (it is {Status})");
        }
    }

    // Ports are chosen free, but another process may bind one before the kernel does (kernels started at the same
    // time, or anything else on the machine): the kernel then exits with "Address already in use". That start is
    // repeated once, on new ports (a null connection makes the provisioner choose them), rather than failed.
    private async Task LaunchOnFreshPortsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LaunchAndConnectAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelStartException ex) when (ex.ExitCode is not null && IsPortClash(ex.OutputTail) && !cancellationToken.IsCancellationRequested)
        {
            KernelManagerLog.RetryingOnFreshPorts(_logger, KernelId, ex.ExitCode);
            await StopKernelAsync(restart: false, now: true, CancellationToken.None).ConfigureAwait(false);
            await LaunchAndConnectAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    // ZeroMQ's message for EADDRINUSE (pyzmq: "zmq.error.ZMQError: Address already in use"; libzmq and NetMQ alike).
    private static bool IsPortClash(string outputTail) => outputTail.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);

    // A kernel that cannot be started is stopped, its files removed, and reported dead; the caller gets the error.
    private async Task StartOrGiveUpAsync(Func<Task> start)
    {
        try
        {
            await start().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await StopKernelAsync(restart: false, now: true, CancellationToken.None).ConfigureAwait(false);
            SetStatus(KernelStatus.Dead, ex.Message, (ex as KernelStartException)?.ExitCode);
            throw;
        }
    }
}
