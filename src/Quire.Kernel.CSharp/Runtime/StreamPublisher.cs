using System.Buffers;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// Publishes what cells write to <see cref="Console"/> as <c>stream</c> messages, in write order, from a thread of its
/// own. Writers hand it whole buffers (never single writes), and it sends the buffers queued for the same cell and
/// stream as one message, encoded from the buffers themselves, so a cell printing hundreds of megabytes costs a few
/// hundred messages and no string of its own.
/// </summary>
/// <remarks>
/// A thread rather than a task: writers that block because the queue is full may be thread-pool threads (a cell's
/// <c>Parallel.For</c> printing), and the publisher that frees them must not wait for the pool to grow.
/// </remarks>
internal sealed class StreamPublisher
{
    /// <summary>The most text one message carries when buffers are sent together.</summary>
    private const int MaxMessageChars = 1 << 20;

    // Beyond this many queued characters a writer waits: a cell printing faster than the frontend reads does not fill
    // memory, and meanwhile the buffers already queued go out.
    private const int MaxQueuedChars = 4 << 20;

    // Monitor.Wait/PulseAll need a monitor, not a System.Threading.Lock.
    private readonly object _gate = new();
    private readonly Queue<StreamChunk> _queue = new();
    private readonly List<CellStreamWriter> _writers = [];
    private long _queuedChars;

    // Chunks queued or being sent: a flush with nothing pending (most cells print nothing) costs no thread hop.
    private int _pending;

    public StreamPublisher()
    {
        var thread = new Thread(PublishLoop) { IsBackground = true, Name = "Quire streams" };
        thread.UnsafeStart();
    }

    public void Register(CellStreamWriter writer)
    {
        lock (_writers)
        {
            _writers.Add(writer);
        }
    }

    /// <summary>Queues a chunk; blocks the writing thread while the queue is full.</summary>
    public void Enqueue(StreamChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        lock (_gate)
        {
            while (_queuedChars >= MaxQueuedChars)
            {
                Monitor.Wait(_gate);
            }

            _queue.Enqueue(chunk);
            _queuedChars += chunk.Length;
            _pending++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Publishes everything written so far, and returns once it has been sent.</summary>
    public async Task FlushAsync()
    {
        CellStreamWriter[] writers;
        lock (_writers)
        {
            writers = [.. _writers];
        }

        foreach (var writer in writers)
        {
            writer.FlushBuffer();
        }

        TaskCompletionSource flushed;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return;
            }

            // A marker carries no text, so it never waits for room: it only has to come after what is queued.
            flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Enqueue(new StreamChunk(null, string.Empty, null, 0, flushed));
            _pending++;
            Monitor.PulseAll(_gate);
        }

        await flushed.Task.ConfigureAwait(false);
    }

    private void PublishLoop()
    {
        var batch = new List<StreamChunk>();
        var pieces = new List<ReadOnlyMemory<char>>();
        while (true)
        {
            TakeBatch(batch);
            var first = batch[0];
            if (first.Flushed is { } flushed)
            {
                Done(1);
                flushed.TrySetResult();
            }
            else
            {
                Send(batch, pieces);
                Done(batch.Count);
            }

            batch.Clear();
        }
    }

    /// <summary>Waits for the next chunk, and takes the chunks behind it that go into the same message.</summary>
    private void TakeBatch(List<StreamChunk> batch)
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                Monitor.Wait(_gate);
            }

            var first = _queue.Dequeue();
            batch.Add(first);
            var chars = first.Length;
            while (!first.IsMarker && _queue.TryPeek(out var next) && SameStream(first, next) && chars + next.Length <= MaxMessageChars)
            {
                batch.Add(_queue.Dequeue());
                chars += next.Length;
            }

            // Room for writers as soon as the text leaves the queue; what is being sent is at most one message more.
            _queuedChars -= chars;
            Monitor.PulseAll(_gate);
        }
    }

    private static void Send(List<StreamChunk> batch, List<ReadOnlyMemory<char>> pieces)
    {
        pieces.Clear();
        foreach (var chunk in batch)
        {
            pieces.Add(chunk.Buffer.AsMemory(0, chunk.Length));
        }

        try
        {
            var sent = batch[0].Target!.WriteStreamAsync(batch[0].Name, pieces);
            if (!sent.IsCompletedSuccessfully)
            {
                sent.AsTask().GetAwaiter().GetResult();
            }
        }
#pragma warning disable CA1031 // A frontend gone or a closed channel must not stop later cells' output.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The output is lost, as a print to a closed terminal would be.
        }
        finally
        {
            // The message holds its own encoded copy: the buffers can be written again.
            foreach (var chunk in batch)
            {
                ArrayPool<char>.Shared.Return(chunk.Buffer!);
            }
        }
    }

    private void Done(int chunks)
    {
        lock (_gate)
        {
            _pending -= chunks;
        }
    }

    private static bool SameStream(StreamChunk a, StreamChunk b) =>
        !b.IsMarker && ReferenceEquals(a.Target, b.Target) && a.Name == b.Name;
}
