namespace Quire.Kernels.Management;

/// <summary>One status change of a managed kernel, with a line saying why.</summary>
public sealed class KernelStatusChangedEventArgs(string kernelId, KernelStatus previous, KernelStatus status, string reason, int? exitCode) : EventArgs
{
    public string KernelId { get; } = kernelId;

    public KernelStatus Previous { get; } = previous;

    public KernelStatus Status { get; } = status;

    public string Reason { get; } = reason;

    /// <summary>The exit code of the process whose death caused the change, when there was one.</summary>
    public int? ExitCode { get; } = exitCode;

    public override string ToString() => $"{Previous} -> {Status}: {Reason}";
}
