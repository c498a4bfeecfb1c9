using Quire.Kernels.KernelSpecs;
using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

/// <summary>Everything a provisioner needs to start one kernel.</summary>
public sealed record KernelLaunchRequest
{
    public required KernelSpec Spec { get; init; }

    /// <summary>The kernel's id (a UUID); names its connection file.</summary>
    public required string KernelId { get; init; }

    /// <summary>This kernel's own variables: applied over the spec's <c>env</c>, so a caller can override a spec default.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>The kernel's working directory; the server's when null.</summary>
    public string? WorkingDirectory { get; init; }

    public ResourceRequests? Resources { get; init; }

    /// <summary>The ports and key to use (a restart keeps them); a fresh connection is created when null.</summary>
    public ConnectionInfo? Connection { get; init; }
}
