using System.Text.Json.Serialization;

namespace Quire.Kernels.Provisioning;

/// <summary>Source-generated JSON for <see cref="ProvisionerState"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProvisionerState))]
public sealed partial class ProvisioningJsonContext : JsonSerializerContext;
