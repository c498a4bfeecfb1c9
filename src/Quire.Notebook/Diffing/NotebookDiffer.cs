using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook.Diffing;

/// <summary>
/// Compares two notebooks cell by cell (see <see cref="CellAligner"/> for how cells are paired) and lists what changed
/// in each cell and in the notebook's own metadata.
/// </summary>
public static class NotebookDiffer
{
    /// <summary>Cell keys compared on their own; every other key is listed among a cell's <see cref="CellDiff.Changes"/>.</summary>
    private static readonly string[] CellFields = ["cell_type", "id", "source", "outputs", "execution_count"];

    public static NotebookDiff Diff(NotebookDocument oldDocument, NotebookDocument newDocument)
    {
        ArgumentNullException.ThrowIfNull(oldDocument);
        ArgumentNullException.ThrowIfNull(newDocument);
        var oldCells = oldDocument.Cells;
        var newCells = newDocument.Cells;
        var pairs = CellAligner.Align(oldCells, newCells);
        var moved = CellAligner.Moved(pairs);
        var oldByNew = pairs.ToDictionary(p => p.New, p => p.Old);
        var matchedOld = pairs.Select(p => p.Old).ToHashSet();

        var cells = ImmutableArray.CreateBuilder<CellDiff>(oldCells.Length + newCells.Length - pairs.Count);
        // For each new position, the old index of the next in-order pair: the removed cells before it belong to the
        // same gap as an added cell here, and are shown first, as diff shows deletions before insertions.
        var nextAnchor = new int[newCells.Length + 1];
        nextAnchor[newCells.Length] = oldCells.Length;
        for (var j = newCells.Length - 1; j >= 0; j--)
        {
            nextAnchor[j] = oldByNew.TryGetValue(j, out var o) && !moved.Contains((o, j)) ? o : nextAnchor[j + 1];
        }

        var nextOld = 0;
        for (var newIndex = 0; newIndex < newCells.Length; newIndex++)
        {
            if (!oldByNew.TryGetValue(newIndex, out var oldIndex))
            {
                for (; nextOld < nextAnchor[newIndex]; nextOld++)
                {
                    AddRemoved(cells, oldCells, nextOld, matchedOld);
                }

                cells.Add(new CellDiff { Kind = CellChangeKind.Added, New = newCells[newIndex], NewIndex = newIndex });
                continue;
            }

            var isMoved = moved.Contains((oldIndex, newIndex));
            if (!isMoved)
            {
                // Cells removed before this one in the old notebook are shown where they stood.
                for (; nextOld < oldIndex; nextOld++)
                {
                    AddRemoved(cells, oldCells, nextOld, matchedOld);
                }

                nextOld = oldIndex + 1;
            }

            cells.Add(Compare(oldCells[oldIndex], oldIndex, newCells[newIndex], newIndex, isMoved));
        }

        for (; nextOld < oldCells.Length; nextOld++)
        {
            AddRemoved(cells, oldCells, nextOld, matchedOld);
        }

        var notebook = JsonChanges.Between(oldDocument.Json.Without("cells"), newDocument.Json.Without("cells"));
        return new NotebookDiff(cells.DrainToImmutable(), notebook);
    }

    private static void AddRemoved(
        ImmutableArray<CellDiff>.Builder cells, ImmutableArray<NotebookCell> oldCells, int index, HashSet<int> matched)
    {
        if (!matched.Contains(index))
        {
            cells.Add(new CellDiff { Kind = CellChangeKind.Removed, Old = oldCells[index], OldIndex = index });
        }
    }

    private static CellDiff Compare(NotebookCell oldCell, int oldIndex, NotebookCell newCell, int newIndex, bool moved)
    {
        var diff = new CellDiff
        {
            Kind = CellChangeKind.Unchanged,
            Old = oldCell,
            New = newCell,
            OldIndex = oldIndex,
            NewIndex = newIndex,
            CellTypeChanged = oldCell.CellType != newCell.CellType,
            SourceChanged = !string.Equals(oldCell.Source, newCell.Source, StringComparison.Ordinal),
            ExecutionCountChanged = !JValue.DeepEquals(oldCell.Json["execution_count"], newCell.Json["execution_count"]),
            Outputs = OutputsComparer.Compare(oldCell, newCell),
            Changes = JsonChanges.Between(oldCell.Json.Without(CellFields), newCell.Json.Without(CellFields)),
        };
        var kind = moved ? CellChangeKind.Moved : diff.HasContentChanges ? CellChangeKind.Modified : CellChangeKind.Unchanged;
        return diff with { Kind = kind };
    }
}
