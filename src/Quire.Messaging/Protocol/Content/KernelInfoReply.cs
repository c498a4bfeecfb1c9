using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>kernel_info_reply</c>.</summary>
public sealed record KernelInfoReply : ReplyContent
{
    /// <summary>The kernel's protocol version, e.g. <c>5.3</c>.</summary>
    [JsonPropertyName("protocol_version")]
    public string ProtocolVersion { get; init; } = string.Empty;

    [JsonPropertyName("implementation")]
    public string Implementation { get; init; } = string.Empty;

    [JsonPropertyName("implementation_version")]
    public string ImplementationVersion { get; init; } = string.Empty;

    [JsonPropertyName("language_info")]
    public LanguageInfo LanguageInfo { get; init; } = new();

    [JsonPropertyName("banner")]
    public string Banner { get; init; } = string.Empty;

    [JsonPropertyName("help_links")]
    public IReadOnlyList<HelpLink>? HelpLinks { get; init; }

    /// <summary>Deprecated in favour of <see cref="SupportedFeatures"/>.</summary>
    [JsonPropertyName("debugger")]
    public bool? Debugger { get; init; }

    /// <summary>5.5: e.g. <c>debugger</c>, <c>kernel subshells</c>.</summary>
    [JsonPropertyName("supported_features")]
    public IReadOnlyList<string>? SupportedFeatures { get; init; }
}
