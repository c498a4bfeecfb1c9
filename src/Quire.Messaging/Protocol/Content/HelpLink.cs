using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary>One of a kernel_info_reply's <c>help_links</c>.</summary>
public sealed record HelpLink : MessageContent
{
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    [JsonPropertyName("url")]
    public string Url { get; init; } = string.Empty;
}
