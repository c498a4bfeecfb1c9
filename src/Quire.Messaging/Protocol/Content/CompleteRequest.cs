using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>complete_request</c> (shell).</summary>
public sealed record CompleteRequest : MessageContent
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;

    /// <summary>Cursor offset in unicode code points.</summary>
    [JsonPropertyName("cursor_pos")]
    public int CursorPos { get; init; }
}
