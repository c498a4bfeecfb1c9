using System.Threading.Channels;

namespace Quire.Cli.Kernels.Terminal;

/// <summary>
/// Keys from the terminal, read on a thread of their own: <see cref="Console.ReadKey(bool)"/> blocks and cannot be
/// cancelled, while the REPL must watch for Ctrl+C during a cell and answer <c>input()</c> at the same time. Keys
/// that someone looked at and did not want (type-ahead during a cell) are put back in front with <see cref="Unread"/>.
/// </summary>
internal sealed class KeyReader
{
    private readonly Channel<ConsoleKeyInfo> _keys = Channel.CreateUnbounded<ConsoleKeyInfo>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _lock = new();
    private readonly Queue<ConsoleKeyInfo> _unread = new();

    public static KeyReader Start()
    {
        var reader = new KeyReader();

        // A background thread: the process must not wait for a key to exit.
        new Thread(reader.Pump) { IsBackground = true, Name = "quire console keys" }.Start();
        return reader;
    }

    /// <summary>The next key; null once the terminal is gone.</summary>
    public async ValueTask<ConsoleKeyInfo?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_unread.TryDequeue(out var key))
            {
                return key;
            }
        }

        try
        {
            // Cancelling a channel read takes nothing out of the channel: no key is lost.
            return await _keys.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public void Unread(IEnumerable<ConsoleKeyInfo> keys)
    {
        lock (_lock)
        {
            var rest = _unread.ToList();
            _unread.Clear();
            foreach (var key in keys.Concat(rest))
            {
                _unread.Enqueue(key);
            }
        }
    }

    public static bool IsInterrupt(ConsoleKeyInfo key) =>
        key.KeyChar == '\x03' || (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control));

    private void Pump()
    {
        try
        {
            while (_keys.Writer.TryWrite(Console.ReadKey(intercept: true)))
            {
            }
        }
        catch (InvalidOperationException)
        {
            // Standard input stopped being a terminal.
        }
        finally
        {
            _keys.Writer.TryComplete();
        }
    }
}
