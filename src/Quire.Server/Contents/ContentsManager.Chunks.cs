using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Saving large files in chunks (PUT with <c>chunk</c>), staged by <see cref="ChunkedUploads"/>.</summary>
internal sealed partial class ContentsManager
{
    private async Task<ContentsModel> SaveChunkAsync(ContentsPath path, SaveRequest request, int chunk, CancellationToken cancellationToken)
    {
        if (request.Type is null)
        {
            throw ApiException.BadRequest("No file type provided");
        }

        if (request.Type != "file")
        {
            throw ApiException.BadRequest($"File type \"{request.Type}\" is not supported for large file transfer");
        }

        if (!request.HasContent)
        {
            throw ApiException.BadRequest("No file content provided");
        }

        if (root.IsRefusedAsHidden(path.ApiPath))
        {
            throw ApiException.BadRequest($"Cannot create file or directory {PythonRepr.Of(path.ApiPath)}");
        }

        RequireNotDirectory(path);
        var bytes = FileContent.Decode(request.Content, request.Format, path.ApiPath);
        RequireParentDirectory(path);
        await GuardAsync("saving", path, () => ChunkedUploads.WriteAsync(path, chunk, bytes, root.WriteTarget(path), cancellationToken)).ConfigureAwait(false);
        if (chunk == -1)
        {
            ContentsLog.Saved(logger, path.ApiPath);
            return Describe(path);
        }

        // Until the last chunk the upload is staged; the model describes it under the name it will have.
        var staged = new FileInfo(ChunkedUploads.StagingPath(path.FullPath));
        return BaseModel(path, staged, "file") with { Mimetype = MimeTypes.ModelType(path.Name) };
    }
}
