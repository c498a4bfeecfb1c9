using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>shutdown_request</c> (control; on shell deprecated since 5.4).</summary>
public sealed record ShutdownRequest : MessageContent
{
    [JsonPropertyName("restart")]
    public bool Restart { get; init; }
}
