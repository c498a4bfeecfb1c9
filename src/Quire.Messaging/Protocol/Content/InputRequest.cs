using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>input_request</c> (stdin, kernel to client).</summary>
public sealed record InputRequest : MessageContent
{
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Do not echo the answer.</summary>
    [JsonPropertyName("password")]
    public bool Password { get; init; }
}
