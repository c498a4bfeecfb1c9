using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>stream</c> (iopub). Named StreamOutput so it never collides with <see cref="System.IO.Stream"/>.</summary>
public sealed record StreamOutput : MessageContent
{
    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "stdout";

    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;
}
