using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Contents;
using Quire.Server.Security;

namespace Quire.Server.Files;

/// <summary>
/// <c>GET /files/{path}</c>: a file's raw bytes (ranges and If-Modified-Since included) with jupyter_server's
/// Content-Type rules, as an attachment for notebooks and <c>?download</c>, never cached without revalidation, and
/// sandboxed by CSP (see <see cref="UserContentMetadata"/>). The contents API's path rules apply unchanged.
/// </summary>
internal static class FilesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("files/{**path}", [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)ServeAsync)
            .RequireAccess("contents", AccessAction.Read)
            .ServesUserContent();
    }

    private static Task ServeAsync(HttpContext context)
    {
        var root = context.RequestServices.GetRequiredService<ContentsRoot>();
        var path = root.Resolve(context.Request.RouteValues["path"] as string);
        if (root.IsRefusedAsHidden(path.ApiPath) || !File.Exists(path.FullPath))
        {
            throw ContentsManager.DoesNotExist(path.ApiPath);
        }

        var download = context.Request.Query["download"].LastOrDefault();
        if (ContentsManager.IsNotebookName(path.Name) || !string.IsNullOrEmpty(download))
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename*=utf-8''{Uri.EscapeDataString(path.Name)}";
        }

        context.Response.Headers.CacheControl = "no-cache";
        var info = new FileInfo(path.FullPath);
        return Results.File(path.FullPath, ContentType(path.Name), lastModified: info.LastWriteTimeUtc, enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    /// <summary>As jupyter_server's AuthenticatedFileHandler over tornado's StaticFileHandler.</summary>
    public static string ContentType(string name)
    {
        if (ContentsManager.IsNotebookName(name))
        {
            return "application/x-ipynb+json";
        }

        return MimeTypes.Guess(name) switch
        {
            (_, "gzip") => "application/gzip",
            (_, not null) => "application/octet-stream",
            ("text/plain", _) => "text/plain; charset=UTF-8",
            (string type, _) => type,
            _ => "application/octet-stream",
        };
    }
}
