namespace Quire.Notebook.IO;

/// <summary>
/// Replaces a file atomically: the content goes to a temporary file in the same directory, is flushed to disk, and
/// is renamed over the target. A crash or a full disk leaves the old file as it was.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        var release = await ReplaceAsync(path, write, deferRelease: false, cancellationToken).ConfigureAwait(false);
        await release.ConfigureAwait(false);
    }

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, stream => stream.Write(content.Span), cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(string, Action{Stream}, CancellationToken)"/>, but the old content's disk blocks are
    /// freed after the new content is in place rather than inside the rename: the returned task completes once the new
    /// content is durable and in place, its result once the old content is gone.
    /// </summary>
    /// <remarks>
    /// A rename over a file frees that file's blocks before it returns: on ext4, 2 ms for 5 MB and 14 ms for 50 MB,
    /// which a save's caller would wait for. A second name for the old file (a hard link) keeps its blocks through the
    /// rename; removing that name afterwards, on the thread pool, frees them. Where hard links are not possible, the
    /// rename frees the blocks as usual. A crash in between leaves a hidden <c>.NAME.ID.old</c> beside the file, as it
    /// may leave the temporary file.
    /// </remarks>
    public static Task<Task> ReplaceDeferringReleaseAsync(string path, Action<Stream> write, CancellationToken cancellationToken = default) =>
        ReplaceAsync(path, write, deferRelease: true, cancellationToken);

    private static async Task<Task> ReplaceAsync(string path, Action<Stream> write, bool deferRelease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        string? old = null;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = File.Exists(full) ? File.GetUnixFileMode(full) : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            }

            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (deferRelease)
            {
                old = HardLink.TryCreate(full, Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old"));
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            if (old is not null)
            {
                TryDelete(old);
            }

            throw;
        }

        return old is null ? Task.CompletedTask : Task.Run(() => TryDelete(old), CancellationToken.None);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The file is hidden and named as ours; a leftover is harmless and the original error matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
