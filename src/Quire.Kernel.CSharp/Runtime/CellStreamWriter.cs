using System.Buffers;
using System.Text;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// <see cref="Console.Out"/> or <see cref="Console.Error"/> while the kernel runs: writes go to the buffer of the cell
/// they belong to (<see cref="AmbientCell"/>), which is handed to the <see cref="StreamPublisher"/> when it fills or a
/// few milliseconds after the first write, so output streams while the cell runs without a message per write.
/// Buffers come from the shared array pool and go back to it once published: printing costs a copy into the buffer,
/// not an allocation per write or per buffer.
/// </summary>
internal sealed class CellStreamWriter : TextWriter
{
    private const int Capacity = 64 * 1024;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private readonly string _name;
    private readonly StreamPublisher _publisher;
    private readonly TextWriter _outsideCells;
    private readonly ITimer _timer;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Capacity);
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
            var count = Math.Min(text.Length, _buffer.Length - _length);
            text[..count].CopyTo(_buffer.AsSpan(_length));
            _length += count;
            text = text[count..];
            if (_length == _buffer.Length)
            {
                // A full buffer in the middle of a write: a surrogate pair at its end stays whole, in the next one.
                HandOff(keepHighSurrogate: true);
            }
        }
    }

    private void HandOff(bool keepHighSurrogate = false)
    {
        if (_length == 0 || _target is null)
        {
            _length = 0;
            return;
        }

        var kept = keepHighSurrogate && _length > 1 && char.IsHighSurrogate(_buffer[_length - 1]) ? 1 : 0;
        var full = _buffer;
        _buffer = ArrayPool<char>.Shared.Rent(Capacity);
        if (kept == 1)
        {
            _buffer[0] = full[_length - 1];
        }

        _publisher.Enqueue(new StreamChunk(_target, _name, full, _length - kept));
        _length = kept;
    }
}
