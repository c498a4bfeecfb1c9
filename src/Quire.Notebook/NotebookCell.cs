using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A cell: an immutable view over its JSON. <see cref="From"/> picks the subclass by <c>cell_type</c>.</summary>
public abstract class NotebookCell
{
    private protected NotebookCell(JObject json) => Json = json;

    public JObject Json { get; }

    public string CellType => Json.GetString("cell_type") ?? string.Empty;

    /// <summary>The cell id (nbformat 4.5), or <c>null</c> in older notebooks.</summary>
    public string? Id => Json.GetString("id");

    /// <summary>The source as one string.</summary>
    public string Source => Json["source"] switch
    {
        JString s => s.Value,
        JArray lines => string.Concat(lines.Select(l => l.AsString())),
        _ => string.Empty,
    };

    public JObject Metadata => Json.GetObject("metadata") ?? JObject.Empty;

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags => Metadata.GetArray("tags")?.Select(t => t.AsString()).OfType<string>().ToArray() ?? [];

    public static NotebookCell From(JObject json) => json.GetString("cell_type") switch
    {
        "code" => new CodeCell(json),
        "markdown" => new MarkdownCell(json),
        "raw" => new RawCell(json),
        _ => new UnknownCell(json),
    };

    public NotebookCell WithSource(string source) => From(Json.With("source", source));

    public NotebookCell WithMetadata(JObject metadata) => From(Json.With("metadata", metadata));

    public NotebookCell WithId(string id) => From(Json.With("id", id));
}
