using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>comm_info_request</c> (shell, 5.1).</summary>
public sealed record CommInfoRequest : MessageContent
{
    /// <summary>Only comms of this target; all when null.</summary>
    [JsonPropertyName("target_name")]
    public string? TargetName { get; init; }
}
