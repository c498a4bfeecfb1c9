using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>history_reply</c>: <c>(session, line, input)</c> or <c>(session, line, (input, output))</c> triples.</summary>
public sealed record HistoryReply : ReplyContent
{
    [JsonPropertyName("history")]
    public IReadOnlyList<JsonElement> History { get; init; } = [];
}
