using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Renaming (PATCH) and deleting (DELETE).</summary>
internal sealed partial class ContentsManager
{
    /// <summary>PATCH: renames or moves to the model's <c>path</c> (409 when taken), taking the checkpoint along.</summary>
    public async Task<ContentsModel> RenameAsync(string? rawPath, JObject? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            throw ApiException.BadRequest("JSON body missing");
        }

        var path = root.Resolve(rawPath);
        var requested = SaveRequest.OptionalString(body, "path");
        var target = requested is null ? path : root.Resolve(requested);
        if (!root.AllowHidden && requested is { Length: > 0 } && (ContentsRoot.IsHidden(path.ApiPath) || ContentsRoot.IsHidden(target.ApiPath)))
        {
            throw ApiException.BadRequest($"Cannot rename file or directory {PythonRepr.Of("/" + path.ApiPath)}");
        }

        if (target.ApiPath != path.ApiPath)
        {
            await GuardAsync("renaming", path, () =>
            {
                Move(path, target);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            responses.Forget(path.ApiPath);
            ContentsLog.Renamed(logger, path.ApiPath, target.ApiPath);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Describe(target);
    }

    /// <summary>DELETE: a file, or a directory that is empty (but for checkpoints) unless AlwaysDeleteDirectories.</summary>
    public Task DeleteAsync(string? rawPath, CancellationToken cancellationToken)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath))
        {
            throw ApiException.BadRequest($"Cannot delete file or directory {PythonRepr.Of("/" + path.ApiPath)}");
        }

        if (path.IsRoot)
        {
            throw ApiException.BadRequest("Can't delete root");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return GuardAsync("deleting", path, () =>
        {
            var info = new FileInfo(path.FullPath);
            if (Directory.Exists(path.FullPath) && info.LinkTarget is null)
            {
                DeleteDirectory(path);
            }
            else if (info.Exists || info.LinkTarget is not null)
            {
                // A file, or a link (to a directory too): the link goes, never what it points to.
                File.Delete(path.FullPath);
                CheckpointStore.DeleteAll(path);
                responses.Forget(path.ApiPath);
            }
            else
            {
                throw DoesNotExist(path.ApiPath);
            }

            ContentsLog.Deleted(logger, path.ApiPath);
            return Task.CompletedTask;
        });
    }

    private void DeleteDirectory(ContentsPath path)
    {
        // A directory holding nothing but leftover checkpoints counts as empty, as in jupyter_server.
        var nonEmpty = Directory.EnumerateFileSystemEntries(path.FullPath).Any(e => Path.GetFileName(e) != CheckpointStore.DirectoryName);
        if (nonEmpty && !options.AlwaysDeleteDirectories)
        {
            throw ApiException.BadRequest($"Directory {path.ApiPath} not empty");
        }

        Directory.Delete(path.FullPath, recursive: true);
    }

    private static void Move(ContentsPath path, ContentsPath target)
    {
        if (!Exists(path) && new FileInfo(path.FullPath).LinkTarget is null)
        {
            throw ApiException.NotFound($"File or directory does not exist: {path.ApiPath}");
        }

        if (Exists(target) && !IsSameFile(path, target))
        {
            throw ApiException.Conflict($"File already exists: {target.ApiPath}");
        }

        RequireParentDirectory(target);
        if (Directory.Exists(path.FullPath) && new FileInfo(path.FullPath).LinkTarget is null)
        {
            if (RealPath.IsWithin(target.FullPath, path.FullPath))
            {
                throw ApiException.BadRequest($"Cannot move {path.ApiPath} into itself");
            }

            Directory.Move(path.FullPath, target.FullPath);
        }
        else
        {
            File.Move(path.FullPath, target.FullPath, overwrite: false);
            CheckpointStore.RenameAll(path, target);
        }
    }

    // A change of case only, on a file system that ignores case, is the same file.
    private static bool IsSameFile(ContentsPath a, ContentsPath b) =>
        !OperatingSystem.IsLinux() && string.Equals(a.FullPath, b.FullPath, StringComparison.OrdinalIgnoreCase);
}
