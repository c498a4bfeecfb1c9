namespace Quire.Server.Contents;

/// <summary>
/// Large uploads in chunks (jupyter_server's LargeFileManager: <c>chunk</c> 1, 2, …, and -1 for the last). jupyter_server
/// writes chunk 1 over the file and appends the rest to it, so an interrupted upload leaves a truncated file. Quire
/// collects the chunks in a hidden staging file beside the target and renames it over the target with the last one:
/// until then the previous content stays whole.
/// </summary>
internal sealed class ChunkedUploads
{
    /// <summary>The hidden staging file of an upload to <paramref name="fullPath"/>.</summary>
    public static string StagingPath(string fullPath) =>
        Path.Join(Path.GetDirectoryName(fullPath), $".~{Path.GetFileName(fullPath)}.quire-upload");

    public static bool IsStaged(ContentsPath path) => File.Exists(StagingPath(path.FullPath));

    /// <summary>Adds one chunk; with the last, replaces <paramref name="target"/> with the whole upload.</summary>
    public static async Task WriteAsync(ContentsPath path, int chunk, byte[] bytes, string target, CancellationToken cancellationToken)
    {
        var staging = StagingPath(path.FullPath);
        if (chunk != 1 && !File.Exists(staging) && File.Exists(target))
        {
            // A later chunk without a first one appends to what the file holds, as jupyter_server does.
            File.Copy(target, staging, overwrite: true);
        }

        var options = new FileStreamOptions
        {
            Mode = chunk == 1 ? FileMode.Create : FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        var stream = new FileStream(staging, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (chunk == -1)
            {
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }

        if (chunk == -1)
        {
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(staging, File.GetUnixFileMode(target));
            }

            File.Move(staging, target, overwrite: true);
        }
    }
}
