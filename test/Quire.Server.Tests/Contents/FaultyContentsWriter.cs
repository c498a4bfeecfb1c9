using Quire.Notebook.IO;
using Quire.Server.Contents;

namespace Quire.Server.Tests.Contents;

/// <summary>
/// The real atomic writer, with the disk filling up (or the process dying) after <paramref name="failAfterBytes"/>
/// bytes of a write whose target matches <paramref name="fails"/>.
/// </summary>
internal sealed class FaultyContentsWriter(long failAfterBytes, Func<string, bool> fails) : IContentsWriter
{
    public int Failures { get; private set; }

    public Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        if (!fails(path))
        {
            return AtomicFile.WriteAsync(path, write, cancellationToken);
        }

        Failures++;
        return AtomicFile.WriteAsync(path, stream => write(new FailingStream(stream, failAfterBytes)), cancellationToken);
    }

    private sealed class FailingStream(Stream inner, long budget) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Max(0, Math.Min(buffer.Length, budget - _written));
            inner.Write(buffer[..room]);
            _written += room;
            if (room < buffer.Length)
            {
                throw new IOException("No space left on device");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
