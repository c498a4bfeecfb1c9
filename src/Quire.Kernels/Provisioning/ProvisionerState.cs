using System.Text.Json;
using System.Text.Json.Serialization;
using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// What a provisioner needs to find its kernel again after the server restarts (jupyter_client's
/// <c>get_provisioner_info</c>). JSON-serializable with <see cref="ProvisioningJsonContext"/>; provisioner-specific
/// fields go in <see cref="Extra"/>. Holds the connection key: store it like the
/// connection file (owner-only).
/// </summary>
public sealed record ProvisionerState
{
    [JsonPropertyName("provisioner_name")]
    public required string ProvisionerName { get; init; }

    [JsonPropertyName("kernel_id")]
    public required string KernelId { get; init; }

    [JsonPropertyName("connection_info")]
    public ConnectionInfo? Connection { get; init; }

    [JsonPropertyName("connection_file")]
    public string? ConnectionFile { get; init; }

    [JsonPropertyName("pid")]
    public int? ProcessId { get; init; }

    [JsonPropertyName("pgid")]
    public int? ProcessGroupId { get; init; }

    /// <summary>The process's start time in clock ticks since boot (<c>/proc/&lt;pid&gt;/stat</c> field 22): tells a reused pid apart.</summary>
    [JsonPropertyName("process_start_ticks")]
    public long? ProcessStartTicks { get; init; }

    [JsonPropertyName("started_at")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Provisioner-specific fields (a job id, a pod name), kept as JSON.</summary>
    [JsonPropertyName("extra")]
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
