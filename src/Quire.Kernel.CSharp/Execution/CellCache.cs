namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Compiled cells that declare nothing, by their code, for the chain they were compiled after. Such a cell leaves
/// the chain as it was, so running the same code again (a re-run cell, a cell evaluating an expression, a loop of
/// executes) can run the same submission again instead of compiling it anew. The chain changing (a cell that declares
/// something, new references) empties the cache: nothing compiled after an older chain is ever reused.
/// </summary>
internal sealed class CellCache
{
    // Enough for the cells of a notebook that are run over and over; each keeps its compilation alive.
    private const int Capacity = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, CompiledCell> _cells = new(StringComparer.Ordinal);
    private object? _chain;

    /// <summary>The cell compiled from <paramref name="code"/> after <paramref name="chain"/> (the last submission), if any.</summary>
    public CompiledCell? Find(string code, object? chain)
    {
        lock (_lock)
        {
            return ReferenceEquals(chain, _chain) && _cells.TryGetValue(code, out var cell) ? cell : null;
        }
    }

    public void Remember(string code, object? chain, CompiledCell cell)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(chain, _chain) || _cells.Count >= Capacity)
            {
                _cells.Clear();
                _chain = chain;
            }

            _cells[code] = cell;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _cells.Clear();
            _chain = null;
        }
    }
}
