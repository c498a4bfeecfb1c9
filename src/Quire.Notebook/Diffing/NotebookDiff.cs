using System.Collections.Immutable;

namespace Quire.Notebook.Diffing;

/// <summary>
/// The difference between two notebooks: the cells in reading order (new order, removed cells where they stood), and
/// the notebook-level changes (metadata, nbformat version) as key paths.
/// </summary>
public sealed record NotebookDiff(ImmutableArray<CellDiff> Cells, ImmutableArray<JsonChange> Notebook)
{
    public bool HasChanges => !Notebook.IsEmpty || Cells.Any(c => c.Kind != CellChangeKind.Unchanged);

    public int Count(CellChangeKind kind) => Cells.Count(c => c.Kind == kind);
}
