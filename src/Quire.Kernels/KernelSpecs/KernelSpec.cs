using System.Text.Json;

namespace Quire.Kernels.KernelSpecs;

/// <summary>
/// One installed kernel: a <c>kernels/&lt;name&gt;/kernel.json</c> and the directory holding it (logos, extra files).
/// Read by <see cref="KernelSpecFinder"/>; the fields are jupyter_client's <c>KernelSpec</c> traits.
/// </summary>
public sealed record KernelSpec
{
    /// <summary>The lower-cased directory name: kernel names are case-insensitive.</summary>
    public required string Name { get; init; }

    /// <summary>The directory holding <c>kernel.json</c>; substituted for <c>{resource_dir}</c> in <see cref="Argv"/>.</summary>
    public required string ResourceDirectory { get; init; }

    /// <summary>The command line; <c>{connection_file}</c>, <c>{resource_dir}</c> and <c>{prefix}</c> are substituted at launch.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public string Language { get; init; } = string.Empty;

    public KernelInterruptMode InterruptMode { get; init; } = KernelInterruptMode.Signal;

    /// <summary>Extra environment variables; <c>${VAR}</c> and <c>$VAR</c> in values are taken from the launch environment.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>metadata</c> object (an empty object when absent), e.g. <c>kernel_provisioner</c> or <c>debugger</c>.</summary>
    public JsonElement Metadata { get; init; } = KernelSpecReader.EmptyObject;

    /// <summary>The messaging protocol version the kernel declares (<c>kernel_protocol_version</c>), when it does.</summary>
    public string? KernelProtocolVersion { get; init; }

    /// <summary><c>metadata.kernel_provisioner.provisioner_name</c>, or null when the spec names none.</summary>
    public string? ProvisionerName =>
        Metadata.ValueKind == JsonValueKind.Object
        && Metadata.TryGetProperty("kernel_provisioner", out var provisioner)
        && provisioner.ValueKind == JsonValueKind.Object
        && provisioner.TryGetProperty("provisioner_name", out var name)
        && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}
