using System.Buffers;
using System.Security.Cryptography;

namespace Quire.Notebook.Signing;

/// <summary>
/// A write-only stream feeding an HMAC, so the signed content is hashed as it is produced. The signed content comes in
/// one small write per JSON token; each HMAC update is a call into the crypto library that costs far more than copying
/// a few bytes, so writes are gathered in a pooled buffer and hashed in large blocks. The bytes hashed are the same.
/// Dispose (or Flush) hashes what is still buffered.
/// </summary>
internal sealed class HashingStream(IncrementalHash hash) : Stream
{
    private const int BufferSize = 64 * 1024;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _count;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => _buffer is not null;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var pending = _buffer ?? throw new ObjectDisposedException(nameof(HashingStream));
        if (_count + buffer.Length <= pending.Length)
        {
            buffer.CopyTo(pending.AsSpan(_count));
            _count += buffer.Length;
            return;
        }

        Flush();
        if (buffer.Length >= pending.Length)
        {
            hash.AppendData(buffer);
            return;
        }

        buffer.CopyTo(pending);
        _count = buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        if (_buffer is not null && _count > 0)
        {
            hash.AppendData(_buffer, 0, _count);
            _count = 0;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            Flush();
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
