using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>complete_reply</c>: the matches replace <c>code[cursor_start:cursor_end]</c>.</summary>
public sealed record CompleteReply : ReplyContent
{
    [JsonPropertyName("matches")]
    public IReadOnlyList<string> Matches { get; init; } = [];

    [JsonPropertyName("cursor_start")]
    public int CursorStart { get; init; }

    [JsonPropertyName("cursor_end")]
    public int CursorEnd { get; init; }

    /// <summary>Extensions such as IPython's <c>_jupyter_types_experimental</c>.</summary>
    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];
}
