using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A raw cell, passed through by conversions as it is.</summary>
public sealed class RawCell : NotebookCell
{
    internal RawCell(JObject json)
        : base(json)
    {
    }

    public JObject? Attachments => Json.GetObject("attachments");

    public static RawCell Create(string source, string? id = null)
    {
        var cell = JObject.Of(("cell_type", "raw"), ("metadata", JObject.Empty), ("source", source));
        return new RawCell(id is null ? cell : cell.With("id", id));
    }
}
