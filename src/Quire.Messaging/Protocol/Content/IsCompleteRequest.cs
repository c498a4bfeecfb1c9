using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>is_complete_request</c> (shell): would this code run as typed?</summary>
public sealed record IsCompleteRequest : MessageContent
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;
}
