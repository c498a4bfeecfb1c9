using Microsoft.Extensions.Logging;
using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>
/// The contents service as jupyter_server's FileContentsManager (with LargeFileManager's chunked uploads): models of
/// files, notebooks and directories under the root, and every change to them. Endpoints stay thin; the rules, status
/// codes and messages live here. Messages name API paths, never the server's own directories.
/// </summary>
internal sealed partial class ContentsManager(
    ContentsRoot root,
    IContentsWriter writer,
    CheckpointStore checkpoints,
    ContentsNotary notary,
    NotebookResponseCache responses,
    INotebookModelOverlay overlay,
    QuireServerOptions options,
    Metrics.ServerMetrics metrics,
    TimeProvider time,
    ILogger<ContentsManager> logger)
{
    public ContentsRoot Root => root;

    public static ApiException DoesNotExist(string apiPath) =>
        ApiException.NotFound($"file or directory does not exist: {PythonRepr.Of(apiPath)}");

    /// <summary>
    /// Runs a filesystem operation, turning permission errors into 403 and other I/O failures into 500 with the cause
    /// but without the server's paths.
    /// </summary>
    private async Task<T> GuardAsync<T>(string operation, ContentsPath path, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ApiException(403, $"Permission denied: {path.ApiPath}");
        }
        catch (IOException ex)
        {
            ContentsLog.IoFailed(logger, operation, path.ApiPath, ex);
            throw new ApiException(500, $"Unexpected error while {operation} file: {path.ApiPath} {WithoutRoot(ex.Message)}");
        }
    }

    private async Task GuardAsync(string operation, ContentsPath path, Func<Task> action) =>
        await GuardAsync(operation, path, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private string WithoutRoot(string message) => message
        .Replace(root.Directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
        .Replace(root.RealDirectory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
        .Replace(root.Directory, string.Empty, StringComparison.Ordinal);

    private static bool Exists(ContentsPath path) => File.Exists(path.FullPath) || Directory.Exists(path.FullPath);

    private static void RequireParentDirectory(ContentsPath path)
    {
        var parent = Path.GetDirectoryName(path.FullPath);
        if (!path.IsRoot && (parent is null || !Directory.Exists(parent)))
        {
            throw ApiException.NotFound($"No such directory: {path.ParentApiPath}");
        }
    }

    private ContentsPath Child(ContentsPath directory, string name) => root.Resolve(ContentsPath.Join(directory.ApiPath, name));
}
