namespace Quire.Server.Contents;

/// <summary>
/// JSON rendered once and written into many responses: kept in blocks as it was written, so that a large notebook is
/// neither copied into one array nor given one large allocation of its whole size.
/// </summary>
internal sealed class RenderedJson : Stream
{
    private const int BlockBytes = 1024 * 1024;

    private readonly List<byte[]> _blocks = [];
    private int _used = BlockBytes;
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

    /// <summary>The bytes written, block by block.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Blocks
    {
        get
        {
            for (var i = 0; i < _blocks.Count; i++)
            {
                yield return _blocks[i].AsMemory(0, i == _blocks.Count - 1 ? _used : BlockBytes);
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == BlockBytes)
            {
                _blocks.Add(new byte[BlockBytes]);
                _used = 0;
            }

            var take = Math.Min(buffer.Length, BlockBytes - _used);
            buffer[..take].CopyTo(_blocks[^1].AsSpan(_used));
            _used += take;
            _length += take;
            buffer = buffer[take..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
