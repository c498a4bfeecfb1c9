using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>debug_event</c> (iopub): a Debug Adapter Protocol event, passed through.</summary>
public sealed record DebugEvent : MessageContent
{
    [JsonPropertyName("seq")]
    public int? Seq { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("event")]
    public string? Event { get; init; }

    [JsonPropertyName("body")]
    public JsonElement? Body { get; init; }
}
