using System.Globalization;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// papermill's error markers: when a run stops at a cell that raised, a red banner at the top of the output notebook
/// links to an anchor cell placed just before the failing cell (both Markdown, tagged <see cref="Tag"/>), so a reader of
/// the report finds the failure at once; tools look for the tag. A later run of that notebook removes them first.
/// </summary>
internal static class ErrorMarkers
{
    public const string Tag = "papermill-error-cell-tag";

    private const string Style = "style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\"";

    /// <summary>The markers inserted before the failing cell and at the top: the failing cell's index moves by two.</summary>
    public const int Shift = 2;

    public static NotebookDocument Remove(NotebookDocument notebook) =>
        notebook.Cells.Any(IsMarker) ? notebook.WithCells(notebook.Cells.Where(c => !IsMarker(c))) : notebook;

    public static NotebookDocument Add(NotebookDocument notebook, int failedIndex)
    {
        var failed = notebook.Cells[failedIndex];
        var count = failed is CodeCell { ExecutionCount: { } n } ? n.ToString(CultureInfo.InvariantCulture) : "None";
        var withIds = notebook.FormatMinor >= 5;
        var banner = Marker($"<span {Style}>An Exception was encountered at '<a href=\"#papermill-error-cell\">In [{count}]</a>'.</span>", withIds);
        var anchor = Marker($"<span id=\"papermill-error-cell\" {Style}>Execution using papermill encountered an exception here and stopped:</span>", withIds);
        var cells = notebook.Cells.ToList();
        cells.Insert(failedIndex, anchor);
        cells.Insert(0, banner);
        return notebook.WithCells(cells);
    }

    private static bool IsMarker(NotebookCell cell) => cell is MarkdownCell && cell.Tags.Contains(Tag, StringComparer.Ordinal);

    private static MarkdownCell Marker(string source, bool withId) =>
        (MarkdownCell)MarkdownCell.Create(source, withId ? CellIds.NewId() : null).WithMetadata(JObject.Of(("tags", JArray.OfStrings([Tag]))));
}
