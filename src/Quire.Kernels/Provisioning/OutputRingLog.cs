namespace Quire.Kernels.Provisioning;

/// <summary>
/// The last lines a kernel wrote to stdout and stderr, kept so that a kernel that dies while starting can say why.
/// Bounded in lines and line length: a chatty kernel cannot grow the server's memory.
/// </summary>
internal sealed class OutputRingLog
{
    private const int MaxLineLength = 2000;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;

    public OutputRingLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public void Add(string line)
    {
        if (line.Length > MaxLineLength)
        {
            line = string.Concat(line.AsSpan(0, MaxLineLength), "…");
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Tail()
    {
        lock (_lock)
        {
            return string.Join('\n', _lines);
        }
    }

    /// <summary>Copies a stream into the log, line by line, until it ends (the process and its children closed it).</summary>
    public async Task PumpAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                Add(line);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The pipe was closed under us (dispose) or the read was abandoned: what was read is kept.
        }
    }
}
