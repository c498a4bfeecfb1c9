using Quire.Notebook;

namespace Quire.Conversion.Highlighting;

/// <summary>
/// Highlights a notebook's code cells on background workers while the page is being written: highlighting is most of
/// a conversion's CPU time and cells are independent, so the writer (one thread) and the highlighters (the other cores)
/// overlap instead of taking turns. Workers take cells in document order, so the cell the writer needs next is the one
/// being highlighted or already done.
/// </summary>
internal sealed class HighlightedCells : IDisposable
{
    // Below this many code cells, starting workers and loading a grammar per thread costs more than it saves.
    private const int BackgroundThreshold = 64;
    private readonly Dictionary<CodeCell, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly TaskCompletionSource<byte[]>[] _results;
    private readonly CodeCell[] _cells;
    private readonly HighlighterKind _kind;
    private readonly string? _language;
    private int _next = -1;
    private bool _background;
    private volatile bool _stopped;

    private HighlightedCells(CodeCell[] cells, HighlighterKind kind, string? language)
    {
        _cells = cells;
        _kind = kind;
        _language = language;
        _results = new TaskCompletionSource<byte[]>[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            _index[cells[i]] = i;
            _results[i] = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public static HighlightedCells Prepare(NotebookDocument document, HighlighterKind kind, string? language, bool skip)
    {
        var result = new HighlightedCells(skip ? [] : [.. document.Cells.OfType<CodeCell>()], kind, language);
        if (result._cells.Length >= BackgroundThreshold && Environment.ProcessorCount > 1)
        {
            // One core stays with the writer (a worker per core measured no faster on two cores).
            result._background = true;
            for (var w = 0; w < Environment.ProcessorCount - 1; w++)
            {
                _ = Task.Run(result.Work);
            }
        }

        return result;
    }

    /// <summary>The cell's highlighted source as UTF-8 HTML; highlights it here when no worker has taken it yet.</summary>
    public byte[] For(CodeCell cell)
    {
        var index = _index[cell];
        var result = _results[index];
        if (!result.Task.IsCompleted && (!_background || TryTake(index)))
        {
            Complete(index);
        }

        return result.Task.GetAwaiter().GetResult();
    }

    public void Dispose() => _stopped = true;

    private void Work()
    {
        while (!_stopped)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _cells.Length)
            {
                return;
            }

            Complete(index);
        }
    }

    // The writer takes a cell itself only when it is the next one no worker has claimed (always so without workers).
    private bool TryTake(int index) => Interlocked.CompareExchange(ref _next, index, index - 1) == index - 1;

    private void Complete(int index)
    {
        try
        {
            _results[index].TrySetResult(Highlight(_cells[index], _kind, _language));
        }
#pragma warning disable CA1031 // The failure belongs to the writer, which rethrows it from For.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _results[index].TrySetException(ex);
        }
    }

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
