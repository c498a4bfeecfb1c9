using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>comm_msg</c>.</summary>
public sealed record CommMsg : MessageContent
{
    [JsonPropertyName("comm_id")]
    public string CommId { get; init; } = string.Empty;

    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];
}
