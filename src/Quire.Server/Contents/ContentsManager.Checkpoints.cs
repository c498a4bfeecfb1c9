using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Checkpoints (create, list, restore, delete) and trusting a notebook.</summary>
internal sealed partial class ContentsManager
{
    public async Task<JObject> CreateCheckpointAsync(string? rawPath, CancellationToken cancellationToken)
    {
        var path = ExistingFile(rawPath);
        return await GuardAsync("checkpointing", path, () => checkpoints.CreateAsync(path, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The file's checkpoints: none or one (a file that does not exist has none, as in jupyter_server).</summary>
    public IReadOnlyList<JObject> ListCheckpoints(string? rawPath)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath))
        {
            throw DoesNotExist(path.ApiPath);
        }

        // Directories (the root above all, whose checkpoint directory would lie outside it) have none.
        return Directory.Exists(path.FullPath) ? [] : CheckpointStore.List(path);
    }

    public Task RestoreCheckpointAsync(string? rawPath, string id, CancellationToken cancellationToken)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath) || Directory.Exists(path.FullPath))
        {
            throw DoesNotExist(path.ApiPath);
        }

        RequireParentDirectory(path);
        return GuardAsync("restoring", path, () => checkpoints.RestoreAsync(path, id, root.WriteTarget(path), cancellationToken));
    }

    public Task DeleteCheckpointAsync(string? rawPath, string id, CancellationToken cancellationToken)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath) || Directory.Exists(path.FullPath))
        {
            throw ApiException.NotFound($"Checkpoint does not exist: {path.ApiPath}@{id}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return GuardAsync("deleting a checkpoint of", path, () =>
        {
            CheckpointStore.Delete(path, id);
            return Task.CompletedTask;
        });
    }

    /// <summary>Trusts a notebook as it is on disk: its signature goes into the trust database.</summary>
    public async Task TrustAsync(string? rawPath, CancellationToken cancellationToken)
    {
        var path = ExistingFile(rawPath);
        if (!IsNotebookName(path.ApiPath))
        {
            throw ApiException.BadRequest($"{path.ApiPath} is not a notebook");
        }

        var bytes = await GuardAsync("reading", path, () => File.ReadAllBytesAsync(path.FullPath, cancellationToken)).ConfigureAwait(false);
        ContentsLog.Trusting(logger, path.ApiPath);
        notary.Sign(Parse(bytes, path));
    }

    private ContentsPath ExistingFile(string? rawPath)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath) || !File.Exists(path.FullPath))
        {
            throw Directory.Exists(path.FullPath) && !root.IsRefusedAsHidden(path.ApiPath)
                ? ApiException.BadRequest($"{path.ApiPath} is a directory: only files have checkpoints")
                : DoesNotExist(path.ApiPath);
        }

        return path;
    }
}
