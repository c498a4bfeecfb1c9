using System.Text;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// <see cref="Console.Out"/> or <see cref="Console.Error"/> while the kernel runs: writes go to the buffer of the cell
/// they belong to (<see cref="AmbientCell"/>), which is handed to the <see cref="StreamPublisher"/> when it fills or a
/// few milliseconds after the first write, so output streams while the cell runs without a message per write.
/// </summary>
internal sealed class CellStreamWriter : TextWriter
{
    private const int Capacity = 32 * 1024;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private readonly char[] _buffer = new char[Capacity];
    private readonly string _name;
    private readonly StreamPublisher _publisher;
    private readonly TextWriter _outsideCells;
    private readonly ITimer _timer;
    private KernelExecution? _target;
    private int _length;
    private bool _flushScheduled;

    public CellStreamWriter(string name, StreamPublisher publisher, TextWriter outsideCells, TimeProvider timeProvider)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _name = name;
        _publisher = publisher;
        _outsideCells = outsideCells;
        _timer = timeProvider.CreateTimer(static w => ((CellStreamWriter)w!).FlushBuffer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        publisher.Register(this);
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value), newLine: false);

    public override void Write(string? value) => Append(value, newLine: false);

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count), newLine: false);

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer, newLine: false);

    public override void WriteLine() => Append([], newLine: true);

    public override void WriteLine(string? value) => Append(value, newLine: true);

    public override void WriteLine(ReadOnlySpan<char> buffer) => Append(buffer, newLine: true);

    public override void Flush() => FlushBuffer();

    /// <summary>Hands what is buffered to the publisher now.</summary>
    public void FlushBuffer()
    {
        lock (_lock)
        {
            HandOff();
            _flushScheduled = false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<char> text, bool newLine)
    {
        if (AmbientCell.Current?.Execution is not { } target)
        {
            // No cell has run yet: the kernel's own output goes where the process's stdout goes.
            _outsideCells.Write(text);
            if (newLine)
            {
                _outsideCells.WriteLine();
            }

            return;
        }

        lock (_lock)
        {
            if (!ReferenceEquals(target, _target))
            {
                HandOff();
                _target = target;
            }

            Copy(text);
            if (newLine)
            {
                Copy(CoreNewLine);
            }

            if (!_flushScheduled && _length > 0)
            {
                _flushScheduled = true;
                _timer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Copy(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var count = Math.Min(text.Length, Capacity - _length);
            text[..count].CopyTo(_buffer.AsSpan(_length));
            _length += count;
            text = text[count..];
            if (_length == Capacity)
            {
                HandOff();
            }
        }
    }

    private void HandOff()
    {
        if (_length > 0 && _target is not null)
        {
            _publisher.Enqueue(new StreamChunk(_target, _name, new string(_buffer, 0, _length)));
        }

        _length = 0;
    }
}
