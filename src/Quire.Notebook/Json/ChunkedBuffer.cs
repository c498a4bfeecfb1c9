using System.Buffers;

namespace Quire.Notebook.Json;

/// <summary>
/// A write-only stream that collects bytes in pooled chunks and copies them once into an array of the exact size:
/// unlike <see cref="MemoryStream"/>, a 50 MB notebook costs no doubling and re-copying of ever larger buffers.
/// </summary>
internal sealed class ChunkedBuffer : Stream
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public byte[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var count = (int)Math.Min(ChunkSize, _length - offset);
            chunk.AsSpan(0, count).CopyTo(result.AsSpan(offset));
            offset += count;
        }

        return result;
    }

    /// <summary>Writes the bytes collected so far to <paramref name="destination"/>; safe alongside <see cref="ToArray"/>.</summary>
    public void WriteTo(Stream destination)
    {
        var left = _length;
        foreach (var chunk in _chunks)
        {
            var count = (int)Math.Min(ChunkSize, left);
            destination.Write(chunk, 0, count);
            left -= count;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                _used = 0;
            }

            var count = Math.Min(buffer.Length, ChunkSize - _used);
            buffer[..count].CopyTo(_chunks[^1].AsSpan(_used));
            _used += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        base.Dispose(disposing);
    }
}
