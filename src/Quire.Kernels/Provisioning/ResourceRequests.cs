namespace Quire.Kernels.Provisioning;

/// <summary>
/// What a kernel asks of the machine it runs on. The local provisioner carries it and ignores it; batch and cluster
/// provisioners turn it into <c>--cpus-per-task</c>/<c>--mem</c>/<c>--gres</c> or pod requests and limits.
/// </summary>
public sealed record ResourceRequests
{
    public double? Cpus { get; init; }

    public long? MemoryBytes { get; init; }

    public int? Gpus { get; init; }
}
