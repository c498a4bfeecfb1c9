using Quire.Notebook.IO;

namespace Quire.Server.Contents;

/// <summary>
/// Writes through <see cref="AtomicFile"/>: a temporary file beside the target, flushed to disk, renamed over it. A
/// crash or a full disk midway leaves the previous content (jupyter_server instead writes in place after copying the
/// old file aside). The replaced content's disk blocks are freed after the save has answered
/// (<see cref="AtomicFile.ReplaceDeferringReleaseAsync"/>); the server waits for that work when it stops.
/// </summary>
internal sealed class AtomicContentsWriter : IContentsWriter, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _releases = [];

    public async Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        var release = await AtomicFile.ReplaceDeferringReleaseAsync(path, write, cancellationToken).ConfigureAwait(false);
        if (release.IsCompleted)
        {
            return;
        }

        lock (_lock)
        {
            _releases.Add(release);
        }

        _ = release.ContinueWith(
            done =>
            {
                lock (_lock)
                {
                    _releases.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Completes once every replaced content written so far has been released.</summary>
    public Task ReleasedAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll([.. _releases]);
        }
    }

    public async ValueTask DisposeAsync() => await ReleasedAsync().ConfigureAwait(false);
}
