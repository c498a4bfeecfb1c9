namespace Quire.Notebook.IO;

/// <summary>
/// Replaces a file atomically: the content goes to a temporary file in the same directory, is flushed to disk, and
/// is renamed over the target. A crash or a full disk leaves the old file as it was.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
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

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, stream => stream.Write(content.Span), cancellationToken);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is hidden and named as ours; a leftover is harmless and the original error matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
