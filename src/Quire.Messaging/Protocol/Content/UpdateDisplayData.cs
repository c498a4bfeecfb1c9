using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>update_display_data</c> (iopub, 5.1): replaces the outputs shown under <c>transient.display_id</c>.</summary>
public sealed record UpdateDisplayData : MessageContent
{
    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    [JsonPropertyName("transient")]
    public Dictionary<string, JsonElement>? Transient { get; init; }
}
