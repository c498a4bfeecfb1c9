namespace Quire.Kernel.Hosting;

/// <summary>Settings of a <see cref="KernelHost"/>.</summary>
public sealed record KernelHostOptions
{
    /// <summary>How long an <c>input_request</c> waits for its reply before the cell gets an error. Default: none (wait until interrupted).</summary>
    public TimeSpan? InputTimeout { get; init; }

    /// <summary>Cells kept for <c>history_request</c>. Default: 10,000.</summary>
    public int HistoryCapacity { get; init; } = 10_000;

    /// <summary>User name on the kernel's messages. Default: "kernel".</summary>
    public string Username { get; init; } = "kernel";
}
