using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol;

/// <summary>A message header (and the parent header of a reply). Unknown fields (such as 5.5's <c>subshell_id</c>) are kept.</summary>
public sealed record MessageHeader
{
    [JsonPropertyName("msg_id")]
    public required string MsgId { get; init; }

    [JsonPropertyName("session")]
    public required string Session { get; init; }

    [JsonPropertyName("username")]
    public string Username { get; init; } = string.Empty;

    /// <summary>ISO 8601 with a time zone, as jupyter_client writes it (mandatory since 5.1).</summary>
    [JsonPropertyName("date")]
    public string Date { get; init; } = string.Empty;

    [JsonPropertyName("msg_type")]
    public required string MsgType { get; init; }

    [JsonPropertyName("version")]
    public string Version { get; init; } = ProtocolVersion.Current;

    // A setter, not init: the JSON source generator sets init-only members through the constructor, where extension
    // data cannot bind (InvalidOperationException on every read).
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
