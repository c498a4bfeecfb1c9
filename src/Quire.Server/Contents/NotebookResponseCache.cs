using System.Buffers;

namespace Quire.Server.Contents;

/// <summary>
/// Notebooks as recent GETs and saves rendered them, so that a notebook read again unchanged is answered without
/// parsing, validating, hashing for trust and writing its JSON again (nearly all of a GET's time). A save prepares
/// its entry in the background from the bytes it writes, while the file is written, so the GET that follows a save
/// need not wait for any of it. An entry is used only when the file's bytes are the same (compared in full: no
/// timestamp granularity or rename can serve a stale notebook); the caller also checks that the trust database
/// still gives the same answer for the signature, and that no recorded outputs are to be merged. Bounded by a total
/// budget, the oldest entries going first.
/// </summary>
internal sealed class NotebookResponseCache(long budgetBytes = NotebookResponseCache.BudgetBytes)
{
    /// <summary>Notebooks larger than this are not cached.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Files and rendered bodies together, over all entries, by default; an entry may take half.</summary>
    public const long BudgetBytes = 256L * 1024 * 1024;

    private const int CompareBlockBytes = 256 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _age = new();
    private long _bytes;

    /// <summary>
    /// The entry for <paramref name="apiPath"/> when the file at <paramref name="fullPath"/> holds exactly the bytes
    /// it was rendered from. The file is compared a block at a time, so that a hit never allocates the file's size.
    /// </summary>
    public async ValueTask<NotebookResponseEntry?> FindAsync(string apiPath, string fullPath, long size)
    {
        Slot? slot;
        lock (_lock)
        {
            _slots.TryGetValue(apiPath, out slot);
        }

        if (slot is null)
        {
            return null;
        }

        await ((Task)slot.Entry).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var entry = slot.Entry.IsCompletedSuccessfully ? slot.Entry.Result : null;
        return entry is not null && entry.File.Length == size && HoldsExactly(fullPath, entry.File) ? entry : null;
    }

    public void Store(string apiPath, NotebookResponseEntry entry) => Prepare(apiPath, Task.FromResult<NotebookResponseEntry?>(entry));

    /// <summary>
    /// Starts rendering an entry on the thread pool (a save's, from the bytes being written); a GET meanwhile waits for
    /// it rather than rendering the same notebook a second time. The render returns null when it cannot be used.
    /// </summary>
    public void Prepare(string apiPath, Func<Task<NotebookResponseEntry?>> render) => Prepare(apiPath, Task.Run(render));

    public void Forget(string apiPath)
    {
        lock (_lock)
        {
            if (_slots.Remove(apiPath, out var slot))
            {
                Drop(slot);
            }
        }
    }

    private void Prepare(string apiPath, Task<NotebookResponseEntry?> entry)
    {
        var slot = new Slot(apiPath, entry);
        lock (_lock)
        {
            if (_slots.Remove(apiPath, out var old))
            {
                Drop(old);
            }

            _slots[apiPath] = slot;
        }

        _ = entry.ContinueWith(done => Account(slot, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Account(Slot slot, Task<NotebookResponseEntry?> done)
    {
        // Observed here so that a failed render is never reported as an unobserved task exception; a GET that finds
        // it renders the notebook itself and reports what is wrong with it.
        _ = done.Exception;
        var size = done.IsCompletedSuccessfully && done.Result is { } entry ? entry.Size : 0;
        lock (_lock)
        {
            if (!_slots.TryGetValue(slot.Path, out var current) || !ReferenceEquals(current, slot))
            {
                return;
            }

            if (size == 0 || size > budgetBytes / 2)
            {
                _slots.Remove(slot.Path);
                return;
            }

            slot.Size = size;
            _bytes += size;
            _age.AddLast(slot.Node);
            while (_bytes > budgetBytes && _age.First is { } oldest)
            {
                _slots.Remove(oldest.Value.Path);
                Drop(oldest.Value);
            }
        }
    }

    // Synchronous reads: from the page cache they take microseconds a block, less than a trip through the thread pool.
    private static bool HoldsExactly(string fullPath, byte[] expected)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CompareBlockBytes);
        try
        {
            using var handle = File.OpenHandle(fullPath);
            long offset = 0;
            while (true)
            {
                var read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0)
                {
                    return offset == expected.Length;
                }

                if (offset + read > expected.Length || !buffer.AsSpan(0, read).SequenceEqual(expected.AsSpan((int)offset, read)))
                {
                    return false;
                }

                offset += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone or unreadable now: the caller's own read reports it.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Under the lock.
    private void Drop(Slot slot)
    {
        if (slot.Node.List is not null)
        {
            _age.Remove(slot.Node);
            _bytes -= slot.Size;
        }
    }

    private sealed class Slot
    {
        public Slot(string path, Task<NotebookResponseEntry?> entry)
        {
            Path = path;
            Entry = entry;
            Node = new LinkedListNode<Slot>(this);
        }

        public string Path { get; }

        public Task<NotebookResponseEntry?> Entry { get; }

        public LinkedListNode<Slot> Node { get; }

        public long Size { get; set; }
    }
}
