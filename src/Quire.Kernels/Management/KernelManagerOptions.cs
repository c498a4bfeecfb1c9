using Quire.Messaging.Client;

namespace Quire.Kernels.Management;

/// <summary>Timeouts and restart policy of a <see cref="KernelManager"/>; checked by <see cref="KernelManagerOptionsValidator"/>.</summary>
public sealed record KernelManagerOptions
{
    /// <summary>How long a kernel gets to answer its first <c>kernel_info_request</c> (jupyter_server's <c>kernel_info_timeout</c>).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one <c>kernel_info_request</c> waits before another is sent while the kernel starts.</summary>
    public TimeSpan KernelInfoRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Consecutive fast deaths (within the provisioner's stable start time of a launch) that are restarted before the
    /// kernel is declared dead (jupyter_client's <c>restart_limit</c>). 0: a kernel that dies is not restarted.
    /// </summary>
    public int RestartLimit { get; init; } = 5;

    /// <summary>How often the heartbeat is pinged, and how long each ping waits (jupyter_client's <c>time_to_dead</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Unanswered pings in a row after which a live process is killed and restarted as hung. 0 turns this off.</summary>
    public int HeartbeatMisses { get; init; } = 3;

    /// <summary>How long an <c>interrupt_request</c> waits for its reply (kernels with <c>interrupt_mode: message</c>).</summary>
    public TimeSpan InterruptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for a killed kernel to be reaped before giving up on it with a warning.</summary>
    public TimeSpan KillWaitTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Passed to each <see cref="KernelClient"/> the manager connects.</summary>
    public KernelClientOptions? ClientOptions { get; init; }
}
