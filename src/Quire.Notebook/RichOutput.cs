using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>An output with a mime bundle (<c>data</c>) and its <c>metadata</c>.</summary>
public abstract class RichOutput : NotebookOutput
{
    private protected RichOutput(JObject json)
        : base(json)
    {
    }

    /// <summary>Mime type → value: a string for text and base64 data, any JSON for JSON mime types.</summary>
    public JObject Data => Json.GetObject("data") ?? JObject.Empty;

    public JObject Metadata => Json.GetObject("metadata") ?? JObject.Empty;

    /// <summary>The text of one mime type, or <c>null</c> when the bundle lacks it or holds JSON there.</summary>
    public string? GetText(string mimeType) => Data[mimeType] switch
    {
        JString s => s.Value,
        JArray lines when lines.All(l => l is JString) => string.Concat(lines.Select(l => l.AsString())),
        _ => null,
    };
}
