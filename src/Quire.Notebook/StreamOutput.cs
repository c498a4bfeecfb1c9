using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>Text written to <c>stdout</c> or <c>stderr</c>.</summary>
public sealed class StreamOutput : NotebookOutput
{
    internal StreamOutput(JObject json)
        : base(json)
    {
    }

    public string Name => Json.GetString("name") ?? string.Empty;

    public string Text => Json["text"] switch
    {
        JString s => s.Value,
        JArray lines => string.Concat(lines.Select(l => l.AsString())),
        _ => string.Empty,
    };

    public static StreamOutput Create(string name, string text) =>
        new(JObject.Of(("name", name), ("output_type", "stream"), ("text", text)));
}
