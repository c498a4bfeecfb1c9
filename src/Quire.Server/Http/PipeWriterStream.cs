using System.Buffers;
using System.IO.Pipelines;

namespace Quire.Server.Http;

/// <summary>
/// A write-only stream over a response's <see cref="PipeWriter"/> that copies into the pipe's own buffers without
/// flushing, so that synchronous serializers (Quire's JSON writer) can write a large body without a second copy; the
/// caller flushes once at the end.
/// </summary>
internal sealed class PipeWriterStream(PipeWriter writer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => writer.Write(buffer);

    public override void Flush()
    {
        // Deliberately nothing: the owner flushes asynchronously once the body is complete.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
