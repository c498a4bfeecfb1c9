namespace Quire.Server.Contents;

/// <summary>
/// The rendered body of recent notebook GETs, so that a notebook read again unchanged is answered without parsing,
/// validating, hashing for trust and writing its JSON again (most of a small GET's time). An entry is used only when
/// everything the body depends on is the same: the file's bytes (compared in full, so no timestamp granularity or
/// rename can serve a stale notebook), its model fields (size, times, writability), whether the trust database holds
/// its signature now (checked on every GET), and no recorded outputs to merge. Bounded: small notebooks only, and a
/// total budget.
/// </summary>
internal sealed class NotebookResponseCache
{
    /// <summary>Notebooks larger than this are not cached: comparing and holding them costs more than it saves.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    private const long BudgetBytes = 64 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, NotebookResponseEntry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public NotebookResponseEntry? Find(string apiPath, ContentsModel model, ReadOnlySpan<byte> file)
    {
        NotebookResponseEntry? entry;
        lock (_lock)
        {
            _entries.TryGetValue(apiPath, out entry);
        }

        return entry is not null && entry.Model == model && file.SequenceEqual(entry.File) ? entry : null;
    }

    public void Store(string apiPath, NotebookResponseEntry entry)
    {
        if (entry.File.Length > MaxFileBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(apiPath, out var old))
            {
                _bytes -= old.Size;
            }

            // Crude but bounded: past the budget, start over (a working set that large is not the small-GET case).
            if (_bytes + entry.Size > BudgetBytes)
            {
                _entries.Clear();
                _bytes = 0;
            }

            _entries[apiPath] = entry;
            _bytes += entry.Size;
        }
    }
}
