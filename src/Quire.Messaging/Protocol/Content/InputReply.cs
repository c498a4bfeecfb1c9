using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>input_reply</c> (stdin, client to kernel).</summary>
public sealed record InputReply : MessageContent
{
    [JsonPropertyName("value")]
    public string Value { get; init; } = string.Empty;
}
