using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// <see cref="Console.In"/> while the kernel runs: each line read is asked of the frontend of the cell that reads it
/// (<c>input_request</c>), which fails with <see cref="StdinNotAllowedException"/> when the frontend cannot answer.
/// </summary>
internal sealed class CellInputReader(StreamPublisher publisher) : TextReader
{
    private readonly Lock _lock = new();
    private string? _line;
    private int _position;

    public override string? ReadLine()
    {
        lock (_lock)
        {
            if (_line is not null)
            {
                // Characters left by Read() calls come first, as from a terminal.
                var rest = _line[_position..].TrimEnd('\n');
                _line = null;
                return rest;
            }
        }

        return Ask(prompt: string.Empty, password: false);
    }

    public override int Read()
    {
        var next = Peek();
        if (next >= 0)
        {
            lock (_lock)
            {
                _position++;
            }
        }

        return next;
    }

    public override int Peek()
    {
        lock (_lock)
        {
            if (_line is null || _position >= _line.Length)
            {
                _line = Ask(string.Empty, password: false) + "\n";
                _position = 0;
            }

            return _line[_position];
        }
    }

    /// <summary>Asks the running cell's frontend for a line, after publishing what the cell printed (often the prompt).</summary>
    public string Ask(string prompt, bool password)
    {
        var cell = AmbientCell.Current ?? throw new StdinNotAllowedException("input was requested outside of a running cell");
        publisher.FlushAsync().GetAwaiter().GetResult();
        return cell.Execution.RequestInputAsync(prompt, password, cell.CancellationToken).GetAwaiter().GetResult();
    }
}
