using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A Markdown cell, with optional attachments (name → mime bundle).</summary>
public sealed class MarkdownCell : NotebookCell
{
    internal MarkdownCell(JObject json)
        : base(json)
    {
    }

    public JObject? Attachments => Json.GetObject("attachments");

    public static MarkdownCell Create(string source, string? id = null)
    {
        var cell = JObject.Of(("cell_type", "markdown"), ("metadata", JObject.Empty), ("source", source));
        return new MarkdownCell(id is null ? cell : cell.With("id", id));
    }
}
