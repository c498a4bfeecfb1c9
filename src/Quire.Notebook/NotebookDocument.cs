using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>
/// An nbformat 4 notebook: an immutable view over its JSON (<see cref="Json"/>), in memory form (text joined into
/// strings, as Python's <c>nbformat.read</c> leaves it). Every <c>With…</c> returns a new document; anything Quire does
/// not model stays in the JSON untouched.
/// </summary>
public sealed class NotebookDocument
{
    private ImmutableArray<NotebookCell> _cells;

    public NotebookDocument(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
    }

    /// <summary>The notebook's JSON in memory form.</summary>
    public JObject Json { get; }

    /// <summary><c>nbformat</c> (4 for every document Quire reads).</summary>
    public int Format => Json["nbformat"] is JNumber n && n.TryGetInt64(out var v) ? (int)v : 0;

    /// <summary><c>nbformat_minor</c>, kept as read (Python does not upgrade it on read).</summary>
    public int FormatMinor => Json["nbformat_minor"] is JNumber n && n.TryGetInt64(out var v) ? (int)v : 0;

    public JObject Metadata => Json.GetObject("metadata") ?? JObject.Empty;

    public ImmutableArray<NotebookCell> Cells
    {
        get
        {
            if (_cells.IsDefault)
            {
                var cells = Json.GetArray("cells");
                _cells = cells is null ? [] : [.. cells.OfType<JObject>().Select(NotebookCell.From)];
            }

            return _cells;
        }
    }

    /// <summary>The kernel's language from <c>metadata.kernelspec.language</c> or <c>metadata.language_info.name</c>.</summary>
    public string? Language =>
        Metadata.GetObject("kernelspec")?.GetString("language") ?? Metadata.GetObject("language_info")?.GetString("name");

    /// <summary>A new, empty notebook of the current format (4.5).</summary>
    public static NotebookDocument CreateEmpty() => new(JObject.Of(
        ("cells", JArray.Empty),
        ("metadata", JObject.Empty),
        ("nbformat", 4),
        ("nbformat_minor", 5)));

    public NotebookDocument WithMetadata(JObject metadata) => new(Json.With("metadata", metadata));

    public NotebookDocument WithCells(IEnumerable<NotebookCell> cells) => new(Json.With("cells", new JArray(cells.Select(c => (JValue)c.Json))));

    public NotebookDocument WithFormatMinor(int minor) => new(Json.With("nbformat_minor", minor));
}
