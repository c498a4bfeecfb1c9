using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>debug_reply</c> (control): a Debug Adapter Protocol response, passed through.</summary>
public sealed record DebugReply : MessageContent
{
    [JsonPropertyName("seq")]
    public int? Seq { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("request_seq")]
    public int? RequestSeq { get; init; }

    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("body")]
    public JsonElement? Body { get; init; }
}
