using Quire.Kernels.Provisioning;

namespace Quire.Kernels.Management;

/// <summary>Per-kernel launch choices, kept for restarts (jupyter_client's <c>_launch_args</c>).</summary>
public sealed record KernelStartParameters
{
    /// <summary>Variables for this kernel, applied over the kernelspec's <c>env</c>.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    public string? WorkingDirectory { get; init; }

    public ResourceRequests? Resources { get; init; }
}
