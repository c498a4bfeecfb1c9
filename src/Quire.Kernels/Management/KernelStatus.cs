namespace Quire.Kernels.Management;

/// <summary>A managed kernel's lifecycle state (its process, not its execution state: idle and busy come over iopub).</summary>
public enum KernelStatus
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>Launched; waiting for its first <c>kernel_info_reply</c>.</summary>
    Starting,

    /// <summary>Answered <c>kernel_info_request</c>; being watched.</summary>
    Running,

    /// <summary>Being restarted, on request or because it died.</summary>
    Restarting,

    /// <summary>Died too often in a row (see <see cref="KernelManagerOptions.RestartLimit"/>) and was given up on.</summary>
    Dead,

    /// <summary>Shut down on request; it stays so.</summary>
    ShutDown,
}
