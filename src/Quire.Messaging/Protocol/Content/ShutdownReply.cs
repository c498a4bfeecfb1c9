using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>shutdown_reply</c>.</summary>
public sealed record ShutdownReply : ReplyContent
{
    [JsonPropertyName("restart")]
    public bool Restart { get; init; }
}
