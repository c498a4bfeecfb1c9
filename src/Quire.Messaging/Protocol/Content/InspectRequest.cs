using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>inspect_request</c> (shell): object introspection at a cursor.</summary>
public sealed record InspectRequest : MessageContent
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;

    /// <summary>Cursor offset in unicode code points.</summary>
    [JsonPropertyName("cursor_pos")]
    public int CursorPos { get; init; }

    /// <summary>0 or 1.</summary>
    [JsonPropertyName("detail_level")]
    public int DetailLevel { get; init; }
}
