using Quire.Notebook;

namespace Quire.Conversion.Highlighting;

/// <summary>
/// Highlights every code cell of a notebook ahead of writing, in parallel: highlighting is most of a conversion's CPU
/// time and cells are independent. The result is small next to the outputs (code is a few percent of a notebook).
/// </summary>
internal sealed class HighlightedCells
{
    // Below this many code cells, starting threads and loading a grammar per thread costs more than it saves.
    private const int ParallelThreshold = 64;
    private readonly Dictionary<CodeCell, byte[]> _html = new(ReferenceEqualityComparer.Instance);

    private HighlightedCells()
    {
    }

    public static HighlightedCells Prepare(NotebookDocument document, HighlighterKind kind, string? language, bool skip)
    {
        var result = new HighlightedCells();
        var cells = skip ? [] : document.Cells.OfType<CodeCell>().ToArray();
        var html = new byte[cells.Length][];
        if (cells.Length >= ParallelThreshold && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, cells.Length, i => html[i] = Highlight(cells[i], kind, language));
        }
        else
        {
            for (var i = 0; i < cells.Length; i++)
            {
                html[i] = Highlight(cells[i], kind, language);
            }
        }

        for (var i = 0; i < cells.Length; i++)
        {
            result._html[cells[i]] = html[i];
        }

        return result;
    }

    /// <summary>The cell's highlighted source as UTF-8 HTML.</summary>
    public byte[] For(CodeCell cell) => _html[cell];

    private static byte[] Highlight(CodeCell cell, HighlighterKind kind, string? language)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Html.HtmlWriter(buffer))
        {
            CodeHighlighters.For(kind, language).WriteHtml(writer, cell.Source);
        }

        return buffer.ToArray();
    }
}
