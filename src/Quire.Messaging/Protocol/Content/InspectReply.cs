using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>inspect_reply</c>.</summary>
public sealed record InspectReply : ReplyContent
{
    [JsonPropertyName("found")]
    public bool Found { get; init; }

    /// <summary>A mime bundle.</summary>
    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];
}
