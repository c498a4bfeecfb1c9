using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>comm_info_reply</c>: comm id to <c>{"target_name": ...}</c>.</summary>
public sealed record CommInfoReply : ReplyContent
{
    [JsonPropertyName("comms")]
    public Dictionary<string, JsonElement> Comms { get; init; } = [];
}
