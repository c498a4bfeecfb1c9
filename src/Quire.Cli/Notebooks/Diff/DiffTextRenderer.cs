using Quire.Notebook.Diffing;
using Quire.Notebook.Json;

namespace Quire.Cli.Notebooks.Diff;

/// <summary>Writes a <see cref="NotebookDiff"/> for people: changed cells only, sources as unified hunks, outputs summarised.</summary>
internal static class DiffTextRenderer
{
    public static async Task WriteAsync(NotebookDiff diff, DiffSides sides, DiffStyle style, TextWriter writer)
    {
        if (sides.GitPath is not null)
        {
            await writer.WriteLineAsync(style.Header($"diff --quire-nb {sides.OldName} {sides.NewName}")).ConfigureAwait(false);
            if (!diff.HasChanges)
            {
                await writer.WriteLineAsync("no cell or metadata changes (formatting only)").ConfigureAwait(false);
                return;
            }
        }

        await writer.WriteLineAsync(style.Header($"--- {sides.OldName}")).ConfigureAwait(false);
        await writer.WriteLineAsync(style.Header($"+++ {sides.NewName}")).ConfigureAwait(false);
        if (sides.OldMissing || sides.NewMissing)
        {
            var line = sides.OldMissing ? style.Added("new notebook") : style.Removed("deleted notebook");
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (!diff.Notebook.IsEmpty)
        {
            await writer.WriteLineAsync(style.Header("notebook")).ConfigureAwait(false);
            await WriteChangesAsync(diff.Notebook, style, writer).ConfigureAwait(false);
        }

        foreach (var cell in diff.Cells.Where(c => c.Kind != CellChangeKind.Unchanged))
        {
            await WriteCellAsync(cell, style, writer).ConfigureAwait(false);
        }

        await writer.WriteLineAsync(Summary(diff)).ConfigureAwait(false);
    }

    public static string Summary(NotebookDiff diff) =>
        $"cells: {diff.Count(CellChangeKind.Modified)} modified, {diff.Count(CellChangeKind.Added)} added, " +
        $"{diff.Count(CellChangeKind.Removed)} removed, {diff.Count(CellChangeKind.Moved)} moved, " +
        $"{diff.Count(CellChangeKind.Unchanged)} unchanged";

    private static async Task WriteCellAsync(CellDiff cell, DiffStyle style, TextWriter writer)
    {
        var id = cell.Cell.Id is { } cellId ? $", id {cellId}" : string.Empty;
        var title = cell.Kind switch
        {
            CellChangeKind.Added => $"cell {cell.NewIndex + 1} added",
            CellChangeKind.Removed => $"cell {cell.OldIndex + 1} removed",
            CellChangeKind.Moved => $"cell {cell.NewIndex + 1} moved from {cell.OldIndex + 1}",
            _ => $"cell {cell.NewIndex + 1} modified",
        };
        await writer.WriteLineAsync(style.Header($"{title} ({cell.Cell.CellType}{id})")).ConfigureAwait(false);

        IReadOnlyList<DiffLine> lines = cell.Kind switch
        {
            CellChangeKind.Added => SourceLineDiff.Whole(cell.New!.Source, DiffLineKind.Added),
            CellChangeKind.Removed => SourceLineDiff.Whole(cell.Old!.Source, DiffLineKind.Removed),
            _ when cell.SourceChanged => SourceLineDiff.Between(cell.Old!.Source, cell.New!.Source),
            _ => [],
        };
        foreach (var line in lines)
        {
            await writer.WriteLineAsync("  " + style.Line(line)).ConfigureAwait(false);
        }

        if (cell.CellTypeChanged)
        {
            await writer.WriteLineAsync($"  cell_type: {cell.Old!.CellType} → {cell.New!.CellType}").ConfigureAwait(false);
        }

        if (cell.ExecutionCountChanged && cell.Old is not null && cell.New is not null)
        {
            await writer.WriteLineAsync($"  execution_count: {Count(cell.Old)} → {Count(cell.New)}").ConfigureAwait(false);
        }

        if (cell.Outputs is { } outputs && cell.Old is not null && cell.New is not null)
        {
            await writer.WriteLineAsync($"  outputs: {outputs}").ConfigureAwait(false);
        }

        await WriteChangesAsync(cell.Changes, style, writer).ConfigureAwait(false);
    }

    private static async Task WriteChangesAsync(IEnumerable<JsonChange> changes, DiffStyle style, TextWriter writer)
    {
        foreach (var change in changes)
        {
            var line = change.Kind switch
            {
                JsonChangeKind.Added => style.Added($"  + {change.Path}: {Show(change.New)}"),
                JsonChangeKind.Removed => style.Removed($"  - {change.Path}: {Show(change.Old)}"),
                _ => $"  ~ {change.Path}: {Show(change.Old)} → {Show(change.New)}",
            };
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Count(Quire.Notebook.NotebookCell cell) => cell.Json["execution_count"] is { } count ? Show(count) : "none";

    private static string Show(JValue? value) => value is null ? "none" : JsonText.Truncate(value);
}
