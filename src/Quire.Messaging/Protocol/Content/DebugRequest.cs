using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>debug_request</c> (control): a Debug Adapter Protocol request; every other field passes through in <see cref="MessageContent.Extra"/>.</summary>
public sealed record DebugRequest : MessageContent
{
    [JsonPropertyName("seq")]
    public int? Seq { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("arguments")]
    public JsonElement? Arguments { get; init; }
}
