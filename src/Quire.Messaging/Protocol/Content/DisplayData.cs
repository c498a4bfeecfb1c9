using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>display_data</c> (iopub).</summary>
public sealed record DisplayData : MessageContent
{
    /// <summary>A mime bundle.</summary>
    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    /// <summary>Not persisted: <c>display_id</c>.</summary>
    [JsonPropertyName("transient")]
    public Dictionary<string, JsonElement>? Transient { get; init; }
}
