namespace Quire.Kernels.Provisioning;

public sealed partial class LocalProcessProvisioner
{
    public async Task SignalAsync(int signal, CancellationToken cancellationToken = default)
    {
        if (await PollAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            // Exited and reaped: its pid may already belong to someone else.
            return;
        }

        int? pid, pgid;
        string kernelId;
        lock (_lock)
        {
            (pid, pgid, kernelId) = (_pid, _pgid, _kernelId ?? string.Empty);
        }

        if (pid is not { } target)
        {
            return;
        }

        if (!NativeMethods.IsSupported)
        {
            if (signal != UnixSignals.Kill)
            {
                throw new PlatformNotSupportedException($"signal {signal} cannot be sent to a kernel on this platform");
            }

            KillOwnedTree();
            return;
        }

        // The group first (the kernel and whatever it started). ESRCH here means setsid has not run yet or the group
        // is gone; the process itself is then tried, as jupyter_client falls back from killpg to send_signal.
        if (pgid is { } group && NativeMethods.SendSignal(-group, signal) == 0)
        {
            LocalProvisionerLog.Signalled(_logger, signal, kernelId, "process group", group);
            return;
        }

        var error = NativeMethods.SendSignal(target, signal);
        if (error != 0 && error != NativeMethods.Esrch)
        {
            throw new IOException($"cannot send signal {signal} to kernel {kernelId} (pid {target}): errno {error}");
        }

        LocalProvisionerLog.Signalled(_logger, signal, kernelId, "pid", target);
    }

    public Task TerminateAsync(bool restart = false, CancellationToken cancellationToken = default) =>
        SignalAsync(UnixSignals.Terminate, cancellationToken);

    public Task KillAsync(bool restart = false, CancellationToken cancellationToken = default) =>
        SignalAsync(UnixSignals.Kill, cancellationToken);

    private void KillOwnedTree()
    {
        lock (_lock)
        {
            try
            {
                _process?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }
}
