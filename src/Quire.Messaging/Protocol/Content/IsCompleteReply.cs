using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>is_complete_reply</c>. Not a status/error reply: its status is the verdict.</summary>
public sealed record IsCompleteReply : MessageContent
{
    /// <summary><c>complete</c>, <c>incomplete</c>, <c>invalid</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "unknown";

    /// <summary>With <c>incomplete</c>: what to indent the next line with.</summary>
    [JsonPropertyName("indent")]
    public string? Indent { get; init; }
}
