namespace Quire.Notebook.Signing;

/// <summary>
/// Signatures kept in memory only (Python's <c>MemorySignatureStore</c>): an insertion-ordered set where a hit moves
/// the entry to the end, and reaching <see cref="CacheSize"/> drops the oldest quarter.
/// </summary>
public sealed class MemorySignatureStore : INotebookSignatureStore
{
    private readonly LinkedList<(string Digest, string Algorithm)> _order = new();
    private readonly Dictionary<(string Digest, string Algorithm), LinkedListNode<(string Digest, string Algorithm)>> _nodes = [];
    private readonly Lock _lock = new();

    public MemorySignatureStore(int cacheSize = 65535)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 1);
        CacheSize = cacheSize;
    }

    public int CacheSize { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    public void StoreSignature(string digest, string algorithm)
    {
        lock (_lock)
        {
            Touch((digest, algorithm));
            // Python culls once the size reaches cache_size (not exceeds it), dropping len // 4 of the oldest.
            if (_nodes.Count >= CacheSize)
            {
                for (var i = _nodes.Count / 4; i > 0; i--)
                {
                    var oldest = _order.First!;
                    _order.RemoveFirst();
                    _nodes.Remove(oldest.Value);
                }
            }
        }
    }

    public bool CheckSignature(string digest, string algorithm)
    {
        lock (_lock)
        {
            if (!_nodes.ContainsKey((digest, algorithm)))
            {
                return false;
            }

            Touch((digest, algorithm));
            return true;
        }
    }

    public void RemoveSignature(string digest, string algorithm)
    {
        lock (_lock)
        {
            if (_nodes.Remove((digest, algorithm), out var node))
            {
                _order.Remove(node);
            }
        }
    }

    private void Touch((string Digest, string Algorithm) key)
    {
        if (_nodes.Remove(key, out var existing))
        {
            _order.Remove(existing);
        }

        _nodes[key] = _order.AddLast(key);
    }
}
