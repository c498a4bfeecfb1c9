namespace Quire.Notebook.Diffing;

/// <summary>
/// Pairs the cells of two notebooks: first by cell id where the id is unique on both sides, then, among cells that
/// lack an id on either side, by an order-preserving alignment that maximises source similarity.
/// </summary>
internal static class CellAligner
{
    /// <summary>Below this similarity two cells are an addition and a removal, not one modified cell.</summary>
    private const double SameTypeThreshold = 0.5;

    /// <summary>A change of cell type is rarer than an edit, so it takes more likeness to believe in one.</summary>
    private const double OtherTypeThreshold = 0.8;

    public static List<(int Old, int New)> Align(IReadOnlyList<NotebookCell> oldCells, IReadOnlyList<NotebookCell> newCells)
    {
        var pairs = new List<(int Old, int New)>();
        var oldIds = UniqueIds(oldCells);
        var newIds = UniqueIds(newCells);
        foreach (var (id, oldIndex) in oldIds)
        {
            if (newIds.TryGetValue(id, out var newIndex))
            {
                pairs.Add((oldIndex, newIndex));
            }
        }

        var matchedOld = pairs.Select(p => p.Old).ToHashSet();
        var matchedNew = pairs.Select(p => p.New).ToHashSet();
        var restOld = Enumerable.Range(0, oldCells.Count).Where(i => !matchedOld.Contains(i)).ToArray();
        var restNew = Enumerable.Range(0, newCells.Count).Where(i => !matchedNew.Contains(i)).ToArray();
        pairs.AddRange(BySimilarity(oldCells, restOld, newCells, restNew));
        pairs.Sort();
        return pairs;
    }

    /// <summary>
    /// The pairs that are out of order: those outside a longest run of pairs whose new indexes increase with their
    /// old ones. Moving one cell then marks that one cell, not every cell it jumped over.
    /// </summary>
    public static HashSet<(int Old, int New)> Moved(List<(int Old, int New)> pairsByOld)
    {
        var count = pairsByOld.Count;
        var length = new int[count];
        var previous = new int[count];
        var best = -1;
        for (var i = 0; i < count; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (pairsByOld[j].New < pairsByOld[i].New && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }

        var moved = pairsByOld.ToHashSet();
        for (var i = best; i >= 0; i = previous[i])
        {
            moved.Remove(pairsByOld[i]);
        }

        return moved;
    }

    private static Dictionary<string, int> UniqueIds(IReadOnlyList<NotebookCell> cells)
    {
        var counts = cells.Where(c => c.Id is not null)
            .GroupBy(c => c.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Id is { } id && counts[id] == 1)
            {
                ids[id] = i;
            }
        }

        return ids;
    }

    private static List<(int Old, int New)> BySimilarity(
        IReadOnlyList<NotebookCell> oldCells, int[] restOld, IReadOnlyList<NotebookCell> newCells, int[] restNew)
    {
        var oldSources = restOld.Select(i => new SourceSimilarity(oldCells[i].Source)).ToArray();
        var newSources = restNew.Select(i => new SourceSimilarity(newCells[i].Source)).ToArray();
        var score = new double[restOld.Length + 1, restNew.Length + 1];
        var similarity = new double[restOld.Length, restNew.Length];
        for (var i = 1; i <= restOld.Length; i++)
        {
            for (var j = 1; j <= restNew.Length; j++)
            {
                similarity[i - 1, j - 1] =
                    Similarity(oldCells[restOld[i - 1]], oldSources[i - 1], newCells[restNew[j - 1]], newSources[j - 1]);
                var diagonal = similarity[i - 1, j - 1] > 0 ? score[i - 1, j - 1] + similarity[i - 1, j - 1] : double.MinValue;
                score[i, j] = Math.Max(Math.Max(score[i - 1, j], score[i, j - 1]), diagonal);
            }
        }

        var pairs = new List<(int Old, int New)>();
        for (int i = restOld.Length, j = restNew.Length; i > 0 && j > 0;)
        {
            if (similarity[i - 1, j - 1] > 0 && score[i, j] == score[i - 1, j - 1] + similarity[i - 1, j - 1])
            {
                pairs.Add((restOld[i - 1], restNew[j - 1]));
                i--;
                j--;
            }
            else if (score[i, j] == score[i - 1, j])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        return pairs;
    }

    /// <summary>The similarity of two cells, or 0 when they cannot be the same cell (both have ids, or too unlike).</summary>
    private static double Similarity(NotebookCell oldCell, SourceSimilarity oldSource, NotebookCell newCell, SourceSimilarity newSource)
    {
        if (oldCell.Id is not null && newCell.Id is not null)
        {
            return 0;
        }

        var similarity = oldSource.To(newSource);
        var threshold = oldCell.CellType == newCell.CellType ? SameTypeThreshold : OtherTypeThreshold;
        return similarity >= threshold ? similarity : 0;
    }
}
