using Quire.Notebook.IO;

namespace Quire.Server.Contents;

/// <summary>
/// Writes through <see cref="AtomicFile"/>: a temporary file beside the target, flushed to disk, renamed over it. A
/// crash or a full disk midway leaves the previous content (jupyter_server instead writes in place after copying the
/// old file aside).
/// </summary>
internal sealed class AtomicContentsWriter : IContentsWriter
{
    public Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, write, cancellationToken);
}
