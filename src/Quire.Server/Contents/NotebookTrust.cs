using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Server.Contents;

/// <summary>
/// nbformat's per-cell trust marks (<c>NotebookNotary.mark_cells</c> and <c>check_cells</c>): a read notebook's code
/// cells say in <c>metadata.trusted</c> whether the whole notebook's signature is known; a saved notebook is signed
/// when every code cell is trusted, either marked so or without rich output to distrust.
/// </summary>
internal static class NotebookTrust
{
    private static readonly HashSet<string> SafeOutputKeys = ["output_type", "execution_count", "metadata"];

    /// <summary>Sets <c>metadata.trusted</c> on every code cell.</summary>
    public static NotebookDocument MarkCells(NotebookDocument notebook, bool trusted) =>
        new(MapCodeCells(notebook.Json, cell => cell.GetObject("metadata") is { } metadata ? cell.With("metadata", metadata.With("trusted", trusted)) : cell));

    /// <summary>
    /// Whether every code cell is trusted, and the notebook with the marks removed (what is signed and written).
    /// </summary>
    public static (bool Trusted, NotebookDocument Unmarked) CheckCells(NotebookDocument notebook)
    {
        var trusted = notebook.Format >= 3;
        var unmarked = MapCodeCells(notebook.Json, cell =>
        {
            var metadata = cell.GetObject("metadata");
            var marked = metadata?["trusted"] is { } mark && IsTruthy(mark);
            if (!marked && HasUnsafeOutput(cell))
            {
                trusted = false;
            }

            return metadata is not null && metadata.ContainsKey("trusted") ? cell.With("metadata", metadata.Without("trusted")) : cell;
        });
        return (trusted, new NotebookDocument(unmarked));
    }

    private static bool HasUnsafeOutput(JObject cell) =>
        cell.GetArray("outputs") is { } outputs
        && outputs.OfType<JObject>().Any(output =>
            output.GetString("output_type") is "execute_result" or "display_data"
            && output.Keys.Any(key => !SafeOutputKeys.Contains(key)));

    private static bool IsTruthy(JValue value) => value switch
    {
        JLiteral literal => literal.Kind == JKind.True,
        JString s => s.Utf8Length > 0,
        JNumber n => n.ToDouble() != 0,
        JArray a => a.Count > 0,
        JObject o => o.Count > 0,
        _ => false,
    };

    private static JObject MapCodeCells(JObject notebook, Func<JObject, JObject> map)
    {
        if (notebook.GetArray("cells") is not { } cells)
        {
            return notebook;
        }

        var mapped = cells.Select(cell => cell is JObject o && o.GetString("cell_type") == "code" ? map(o) : cell).ToArray();
        return notebook.With("cells", JArray.Of(mapped));
    }
}
