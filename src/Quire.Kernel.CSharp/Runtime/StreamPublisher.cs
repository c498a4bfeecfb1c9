using System.Text;
using System.Threading.Channels;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// Publishes what cells write to <see cref="Console"/> as <c>stream</c> messages, in write order, from one loop.
/// Writers hand it whole buffers (never single writes), and it joins chunks already queued for the same cell and
/// stream into one message, so a cell printing hundreds of megabytes costs a few thousand messages, not millions.
/// </summary>
internal sealed class StreamPublisher
{
    /// <summary>The most text one message carries when chunks are joined.</summary>
    private const int MaxMessageChars = 1 << 20;

    // Bounded so that a cell printing faster than the frontend reads blocks in its writes instead of filling memory.
    private readonly Channel<StreamChunk> _queue = Channel.CreateBounded<StreamChunk>(new BoundedChannelOptions(64) { SingleReader = true });
    private readonly List<CellStreamWriter> _writers = [];
    private StreamChunk? _carried;

    // Chunks queued and not yet sent: a flush with nothing pending (most cells print nothing) costs no thread hop.
    private int _pending;

    public StreamPublisher() => _ = Task.Run(PublishLoopAsync);

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
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(chunk))
        {
            _queue.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
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

        if (Volatile.Read(ref _pending) == 0)
        {
            return;
        }

        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new StreamChunk(null, string.Empty, string.Empty, flushed)).ConfigureAwait(false);
        await flushed.Task.ConfigureAwait(false);
    }

    private async Task PublishLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (Next(reader) is { } chunk)
            {
                if (chunk.Flushed is { } flushed)
                {
                    flushed.TrySetResult();
                    continue;
                }

                var (text, joined) = Join(reader, chunk);
                try
                {
                    await chunk.Target!.WriteStreamAsync(chunk.Name, text).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A frontend gone or a closed channel must not stop later cells' output.
                catch (Exception)
#pragma warning restore CA1031
                {
                    // The output is lost, as a print to a closed terminal would be.
                }
                finally
                {
                    Interlocked.Add(ref _pending, -joined);
                }
            }
        }
    }

    private StreamChunk? Next(ChannelReader<StreamChunk> reader)
    {
        if (_carried is { } carried)
        {
            _carried = null;
            return carried;
        }

        return reader.TryRead(out var chunk) ? chunk : null;
    }

    /// <summary>The chunk's text and that of the chunks queued right behind it for the same cell and stream.</summary>
    private (string Text, int Chunks) Join(ChannelReader<StreamChunk> reader, StreamChunk first)
    {
        if (!reader.TryPeek(out var next) || !SameStream(first, next))
        {
            return (first.Text, 1);
        }

        var chunks = 1;
        var text = new StringBuilder(first.Text, Math.Min(MaxMessageChars, first.Text.Length * 4));
        while (text.Length < MaxMessageChars && reader.TryRead(out var chunk))
        {
            if (!SameStream(first, chunk))
            {
                _carried = chunk;
                break;
            }

            text.Append(chunk.Text);
            chunks++;
        }

        return (text.ToString(), chunks);
    }

    private static bool SameStream(StreamChunk a, StreamChunk b) =>
        b.Flushed is null && ReferenceEquals(a.Target, b.Target) && a.Name == b.Name;
}
