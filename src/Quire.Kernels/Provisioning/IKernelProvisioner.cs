using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// Starts, watches and stops one kernel's process wherever it runs: locally, in a Slurm job, in a pod. Modelled on
/// jupyter_client's <c>KernelProvisionerBase</c>; the kernel manager only talks to this seam, so a new back-end is a new
/// implementation registered with <see cref="KernelProvisionerFactory"/>. One provisioner serves one kernel, across
/// restarts. Disposing releases handles but leaves a running kernel running (a server may reattach to it via
/// <see cref="LoadStateAsync"/>); stop it with <see cref="TerminateAsync"/> or <see cref="KillAsync"/> first.
/// </summary>
public interface IKernelProvisioner : IAsyncDisposable
{
    /// <summary>The name it is registered under (kernel.json <c>metadata.kernel_provisioner.provisioner_name</c>).</summary>
    string Name { get; }

    /// <summary>True from a launch (or a successful reattach) until the process is seen to have exited.</summary>
    bool HasProcess { get; }

    /// <summary>The connection of the current (or last) kernel.</summary>
    ConnectionInfo? Connection { get; }

    /// <summary>How long a kernel gets to exit after a shutdown request before it is terminated (jupyter_client: 5 s).</summary>
    TimeSpan ShutdownWaitTime { get; }

    /// <summary>How long a kernel must stay up for its start to count as stable (jupyter_client: 10 s).</summary>
    TimeSpan StableStartTime { get; }

    /// <summary>The last lines the kernel wrote to stdout/stderr, for error messages (empty where not captured).</summary>
    string OutputTail { get; }

    /// <summary>Writes the connection file and starts the kernel; returns the connection to use.</summary>
    Task<ConnectionInfo> LaunchAsync(KernelLaunchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Null while the kernel runs, else its exit code (-1 when it is unknown, as for a reattached process).</summary>
    Task<int?> PollAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes when the kernel has exited, with its exit code (see <see cref="PollAsync"/>).</summary>
    Task<int> WaitAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a signal (see <see cref="UnixSignals"/>) to the kernel's process group; nothing when it has exited.</summary>
    Task SignalAsync(int signal, CancellationToken cancellationToken = default);

    /// <summary>Asks the kernel to exit (SIGTERM locally).</summary>
    Task TerminateAsync(bool restart = false, CancellationToken cancellationToken = default);

    /// <summary>Ends the kernel now (SIGKILL locally).</summary>
    Task KillAsync(bool restart = false, CancellationToken cancellationToken = default);

    /// <summary>Releases what the kernel held; the connection file is removed unless the kernel is about to restart.</summary>
    Task CleanupAsync(bool restart = false, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="LoadStateAsync"/> needs to reattach from another instance or server process.</summary>
    Task<ProvisionerState> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Reattaches to a kernel described by <paramref name="state"/>.</summary>
    /// <exception cref="InvalidOperationException">The kernel is gone (or its pid now belongs to another process).</exception>
    Task LoadStateAsync(ProvisionerState state, CancellationToken cancellationToken = default);
}
