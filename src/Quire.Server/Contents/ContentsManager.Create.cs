using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Creating: untitled files, notebooks and directories, and copies (POST).</summary>
internal sealed partial class ContentsManager
{
    /// <summary>POST: a copy (<c>copy_from</c>) or a new untitled entity in the directory the path names (201).</summary>
    public async Task<ContentsModel> PostAsync(string? rawPath, JObject? body, CancellationToken cancellationToken)
    {
        var path = root.Resolve(rawPath);
        if (File.Exists(path.FullPath))
        {
            throw ApiException.BadRequest("Cannot POST to files, use PUT instead.");
        }

        if (body is null || body.Count == 0)
        {
            return await NewUntitledAsync(path, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (SaveRequest.OptionalString(body, "copy_from") is { Length: > 0 } copyFrom)
        {
            var source = root.Resolve(copyFrom);
            if (!root.AllowHidden && (ContentsRoot.IsHidden(path.ApiPath) || ContentsRoot.IsHidden(source.ApiPath)))
            {
                throw ApiException.BadRequest($"Cannot copy file or directory {PythonRepr.Of(path.IsRoot ? string.Empty : "/" + path.ApiPath)}");
            }

            return await CopyAsync(source, path, cancellationToken).ConfigureAwait(false);
        }

        var type = SaveRequest.OptionalString(body, "type") is { Length: > 0 } t ? t : null;
        var extension = SaveRequest.OptionalString(body, "ext");
        return await NewUntitledAsync(path, type, extension, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Untitled.ipynb", "untitled.txt", "Untitled Folder", numbered when taken ("Untitled1.ipynb", "Untitled Folder 1").</summary>
    public async Task<ContentsModel> NewUntitledAsync(ContentsPath directory, string? type, string? extension, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory.FullPath))
        {
            throw ApiException.NotFound($"No such directory: {directory.ApiPath}");
        }

        extension ??= string.Empty;
        type ??= extension == ".ipynb" ? "notebook" : "file";
        var (untitled, insert) = type switch
        {
            "directory" => ("Untitled Folder", " "),
            "notebook" => ("Untitled", string.Empty),
            "file" => ("untitled", string.Empty),
            _ => throw ApiException.BadRequest($"Unexpected model type: {PythonRepr.Of(type)}"),
        };
        if (type == "notebook")
        {
            extension = ".ipynb";
        }

        var name = ContentsNames.Increment(untitled + extension, insert, n => Exists(Child(directory, n)));
        var target = Child(directory, name);
        var model = await NewAsync(target, new SaveRequest { Type = type }, cancellationToken).ConfigureAwait(false);
        ContentsLog.Created(logger, target.ApiPath);
        return model;
    }

    /// <summary>
    /// Copies a file into a directory as "name-Copy1.ext" (or under its own name when free there), or to the exact
    /// path when <paramref name="destination"/> is not a directory. Bytes are copied as they are, atomically.
    /// </summary>
    private async Task<ContentsModel> CopyAsync(ContentsPath source, ContentsPath destination, CancellationToken cancellationToken)
    {
        if (root.IsRefusedAsHidden(source.ApiPath))
        {
            throw DoesNotExist(source.ApiPath);
        }

        if (Directory.Exists(source.FullPath))
        {
            throw ApiException.BadRequest("Can't copy directories");
        }

        if (!File.Exists(source.FullPath))
        {
            throw DoesNotExist(source.ApiPath);
        }

        ContentsPath target;
        if (Directory.Exists(destination.FullPath))
        {
            var name = ContentsNames.Increment(ContentsNames.WithoutCopySuffix(source.Name), "-Copy", n => Exists(Child(destination, n)));
            target = Child(destination, name);
        }
        else
        {
            if (!Directory.Exists(Path.GetDirectoryName(destination.FullPath)))
            {
                throw ApiException.NotFound($"No such parent directory: {destination.ParentApiPath} to copy file in");
            }

            target = destination;
        }

        await GuardAsync("copying", target, async () =>
        {
            await writer.WriteAsync(root.WriteTarget(target), stream =>
            {
                using var input = new FileStream(source.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                input.CopyTo(stream);
            }, cancellationToken).ConfigureAwait(false);
            if (IsNotebookName(target.ApiPath) && CheckpointStore.List(target).Count == 0)
            {
                await checkpoints.CreateAsync(target, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        ContentsLog.Created(logger, target.ApiPath);
        return Describe(target);
    }
}
