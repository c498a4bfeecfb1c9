using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Json;
using Quire.Notebook.Validation;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Saving: PUT of a whole model, of a chunk, of a new file, notebook or directory.</summary>
internal sealed partial class ContentsManager
{
    /// <summary>
    /// PUT: saves the model at the path (200), or creates it there when no file is (201); without a model, creates an
    /// untitled file in the directory the path names, as jupyter_server does.
    /// </summary>
    public async Task<(ContentsModel Model, bool Created)> PutAsync(string? rawPath, JObject? body, CancellationToken cancellationToken)
    {
        if (body is null || body.Count == 0)
        {
            return (await NewUntitledAsync(root.Resolve(rawPath), null, null, cancellationToken).ConfigureAwait(false), true);
        }

        if (IsTruthy(body["copy_from"]))
        {
            throw ApiException.BadRequest("Cannot copy with PUT, only POST");
        }

        var path = root.Resolve(rawPath);
        var modelPath = SaveRequest.OptionalString(body, "path") is { Length: > 0 } given ? root.Resolve(given).ApiPath : null;
        if (!root.AllowHidden && (ContentsRoot.IsHidden(path.ApiPath) || (modelPath is not null && ContentsRoot.IsHidden(modelPath))))
        {
            throw ApiException.BadRequest($"Cannot create file or directory {PythonRepr.Of("/" + path.ApiPath)}");
        }

        var request = SaveRequest.From(body);
        var exists = File.Exists(path.FullPath) || ChunkedUploads.IsStaged(path);
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            var model = exists
                ? await SaveAsync(path, request, cancellationToken).ConfigureAwait(false)
                : await NewAsync(path, request, cancellationToken).ConfigureAwait(false);
            outcome = model.Message is null ? "ok" : "invalid";
            return (model, !exists);
        }
        finally
        {
            metrics.Saved(outcome, time.GetElapsedTime(started));
        }
    }

    /// <summary>Creates the path, filling in jupyter_server's defaults: an empty notebook, or an empty text file.</summary>
    private Task<ContentsModel> NewAsync(ContentsPath path, SaveRequest request, CancellationToken cancellationToken)
    {
        var type = request.Type ?? (IsNotebookName(path.ApiPath) ? "notebook" : "file");
        if (!request.HasContent && type != "directory")
        {
            request = type == "notebook"
                ? request with { Type = type, Content = NotebookDocument.CreateEmpty().Json, Format = "json", HasContent = true }
                : request with { Type = "file", Content = JString.Empty, Format = "text", HasContent = true };
        }
        else
        {
            request = request with { Type = type };
        }

        return SaveAsync(path, request, cancellationToken);
    }

    private async Task<ContentsModel> SaveAsync(ContentsPath path, SaveRequest request, CancellationToken cancellationToken)
    {
        if (request.Chunk is { } chunk)
        {
            return await SaveChunkAsync(path, request, chunk, cancellationToken).ConfigureAwait(false);
        }

        if (request.Type is null)
        {
            throw ApiException.BadRequest("No file type provided");
        }

        if (!request.HasContent && request.Type != "directory")
        {
            throw ApiException.BadRequest("No file content provided");
        }

        if (root.IsRefusedAsHidden(path.ApiPath))
        {
            throw ApiException.BadRequest($"Cannot create file or directory {PythonRepr.Of(path.ApiPath)}");
        }

        if (request.Type is "file" or "notebook")
        {
            RequireNotDirectory(path);
        }

        string? message = null;
        switch (request.Type)
        {
            case "notebook":
                message = await SaveNotebookAsync(path, request.Content, cancellationToken).ConfigureAwait(false);
                break;
            case "file":
                var bytes = FileContent.Decode(request.Content, request.Format, path.ApiPath);
                RequireParentDirectory(path);
                await GuardAsync("saving", path, () => writer.WriteAsync(root.WriteTarget(path), s => s.Write(bytes), cancellationToken)).ConfigureAwait(false);
                break;
            case "directory":
                await GuardAsync("saving", path, () =>
                {
                    SaveDirectory(path);
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
                break;
            default:
                throw ApiException.BadRequest($"Unhandled contents type: {request.Type}");
        }

        ContentsLog.Saved(logger, path.ApiPath);
        return Describe(path) with { Message = message };
    }

    private static void SaveDirectory(ContentsPath path)
    {
        if (File.Exists(path.FullPath))
        {
            throw ApiException.BadRequest($"Not a directory: {path.ApiPath}");
        }

        if (!Directory.Exists(path.FullPath))
        {
            RequireParentDirectory(path);
            Directory.CreateDirectory(path.FullPath);
        }
    }

    /// <summary>Signs (when every cell is trusted), validates and writes a notebook; the validation message or null.</summary>
    private async Task<string?> SaveNotebookAsync(ContentsPath path, JValue? content, CancellationToken cancellationToken)
    {
        if (content is not JObject json)
        {
            throw ApiException.BadRequest($"The content of notebook {path.ApiPath} must be a JSON object, not {content?.TypeName ?? "null"}");
        }

        if (json["nbformat"] is not JNumber { IsInteger: true } version || !version.TryGetInt64(out var major) || major != 4)
        {
            throw ApiException.BadRequest($"Notebook {path.ApiPath} must be nbformat 4 (its nbformat is {(json["nbformat"] is { } v ? JsonText.Truncate(v) : "missing")})");
        }

        var (trusted, notebook) = NotebookTrust.CheckCells(new NotebookDocument(json));
        if (trusted)
        {
            notary.Sign(notebook);
        }

        var message = ValidationMessage(NotebookValidator.Validate(notebook));
        RequireParentDirectory(path);
        using var serialized = NotebookWriter.Serialize(notebook);
        Task<byte[]>? copy = null;
        if (serialized.Length <= NotebookResponseCache.MaxFileBytes)
        {
            // Rendered as a GET of the file would render it, on other threads while the file is written, so that the GET
            // that follows a save finds it ready; from the saved tree as it reads back, which saves parsing the bytes.
            // The cache keeps the file's bytes as one array: copied there off the save's path, too.
            copy = Task.Run(serialized.ToArray, CancellationToken.None);
            responses.Prepare(path.ApiPath, async () => await RenderAsync(await copy.ConfigureAwait(false), NotebookReader.AsReadBack(notebook)).ConfigureAwait(false));
        }

        try
        {
            await GuardAsync("saving", path, async () =>
            {
                await writer.WriteAsync(root.WriteTarget(path), serialized.WriteTo, cancellationToken).ConfigureAwait(false);
                // As jupyter_server: a notebook always has a checkpoint to revert to once it has been saved.
                if (CheckpointStore.List(path).Count == 0)
                {
                    await checkpoints.CreateAsync(path, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            // The blocks go back to the pool when this method ends: not before the copy has read them.
            if (copy is not null)
            {
                await ((Task)copy).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return message;
    }

    // A file written over a directory would fail at the rename, after a temporary file was made beside it: for the
    // root, outside it.
    private static void RequireNotDirectory(ContentsPath path)
    {
        if (Directory.Exists(path.FullPath))
        {
            throw ApiException.BadRequest($"{(path.IsRoot ? "The root" : path.ApiPath)} is a directory");
        }
    }

    private static bool IsTruthy(JValue? value) => value switch
    {
        null => false,
        JLiteral literal => literal.Kind == JKind.True,
        JString s => s.Utf8Length > 0,
        JNumber n => n.ToDouble() != 0,
        JArray a => a.Count > 0,
        JObject o => o.Count > 0,
        _ => true,
    };
}
