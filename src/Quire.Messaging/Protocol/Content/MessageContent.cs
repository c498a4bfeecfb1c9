using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary>
/// Base of the typed content models. Both sides must tolerate fields they do not know (newer protocol versions,
/// kernel-specific extensions), so unknown fields are kept here and written back out unchanged.
/// </summary>
public abstract record MessageContent
{
    // A setter, not init: the JSON source generator sets init-only members through the constructor, where extension
    // data cannot bind (InvalidOperationException on every read).
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
