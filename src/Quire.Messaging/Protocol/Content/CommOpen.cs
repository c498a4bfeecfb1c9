using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>comm_open</c> (shell from a client, iopub from a kernel).</summary>
public sealed record CommOpen : MessageContent
{
    [JsonPropertyName("comm_id")]
    public string CommId { get; init; } = string.Empty;

    [JsonPropertyName("target_name")]
    public string TargetName { get; init; } = string.Empty;

    [JsonPropertyName("target_module")]
    public string? TargetModule { get; init; }

    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];
}
