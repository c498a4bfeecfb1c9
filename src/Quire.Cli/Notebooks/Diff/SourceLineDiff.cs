using DiffPlex;
using DiffPlex.Chunkers;

namespace Quire.Cli.Notebooks.Diff;

/// <summary>Unified line diffs of cell sources (DiffPlex's Myers diff), grouped into hunks with a few lines of context.</summary>
internal static class SourceLineDiff
{
    public const int ContextLines = 3;

    public static IReadOnlyList<DiffLine> Between(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var script = new List<(DiffLineKind Kind, string Text, int Old, int New)>();
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                script.Add((DiffLineKind.Context, result.PiecesOld[a], a, b));
            }

            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                script.Add((DiffLineKind.Removed, result.PiecesOld[a], a, b));
            }

            for (var i = 0; i < block.InsertCountB; i++, b++)
            {
                script.Add((DiffLineKind.Added, result.PiecesNew[b], a, b));
            }
        }

        for (; a < result.PiecesOld.Count; a++, b++)
        {
            script.Add((DiffLineKind.Context, result.PiecesOld[a], a, b));
        }

        return Hunks(script);
    }

    /// <summary>All lines of a source, as an added (or removed) cell shows it.</summary>
    public static IReadOnlyList<DiffLine> Whole(string text, DiffLineKind kind) =>
        text.Length == 0 ? [] : [.. text.Split('\n').Select(line => new DiffLine(kind, line.TrimEnd('\r')))];

    private static List<DiffLine> Hunks(List<(DiffLineKind Kind, string Text, int Old, int New)> script)
    {
        var lines = new List<DiffLine>();
        var changed = Enumerable.Range(0, script.Count).Where(i => script[i].Kind != DiffLineKind.Context).ToList();
        var k = 0;
        while (k < changed.Count)
        {
            var start = Math.Max(0, changed[k] - ContextLines);
            var end = changed[k];
            // Changes closer than twice the context share one hunk, as in diff -u.
            while (k + 1 < changed.Count && changed[k + 1] - end <= 2 * ContextLines)
            {
                end = changed[++k];
            }

            end = Math.Min(script.Count - 1, end + ContextLines);
            k++;
            var slice = script.GetRange(start, end - start + 1);
            var oldCount = slice.Count(s => s.Kind != DiffLineKind.Added);
            var newCount = slice.Count(s => s.Kind != DiffLineKind.Removed);
            lines.Add(new DiffLine(DiffLineKind.Hunk, $"@@ -{Range(slice[0].Old, oldCount)} +{Range(slice[0].New, newCount)} @@"));
            lines.AddRange(slice.Select(s => new DiffLine(s.Kind, s.Text)));
        }

        return lines;
    }

    /// <summary>A unified diff range: 1-based start and count, the count left out when it is 1.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };
}
