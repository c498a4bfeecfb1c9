using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary>The <c>language_info</c> of a kernel_info_reply (also a notebook's metadata.language_info).</summary>
public sealed record LanguageInfo : MessageContent
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("version")]
    public string Version { get; init; } = string.Empty;

    [JsonPropertyName("mimetype")]
    public string? Mimetype { get; init; }

    [JsonPropertyName("file_extension")]
    public string? FileExtension { get; init; }

    [JsonPropertyName("pygments_lexer")]
    public string? PygmentsLexer { get; init; }

    /// <summary>A mode name or a mode object.</summary>
    [JsonPropertyName("codemirror_mode")]
    public JsonElement? CodemirrorMode { get; init; }

    [JsonPropertyName("nbconvert_exporter")]
    public string? NbconvertExporter { get; init; }
}
