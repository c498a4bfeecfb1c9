using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Conversion;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Server.Contents;
using Quire.Server.Http;
using Quire.Server.Security;

namespace Quire.Server.Nbconvert;

/// <summary>
/// <c>GET /nbconvert/{html|script|notebook}/{path}</c>, as jupyter_server's nbconvert handler: the file on disk
/// converted (HTML sanitized, as <c>quire convert</c> always does), inline or with <c>?download=true</c> as an
/// attachment named as nbconvert names it. Served as user content (sandboxed by CSP), with the contents API's path rules.
/// </summary>
internal static class NbconvertEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("nbconvert/{format}/{**path}", (RequestDelegate)ConvertAsync)
            .RequireAccess("contents", AccessAction.Read)
            .ServesUserContent();
    }

    private static async Task ConvertAsync(HttpContext context)
    {
        var format = (context.Request.RouteValues["format"] as string) switch
        {
            "html" => ConversionFormat.Html,
            "script" or "python" => ConversionFormat.Script,
            "notebook" => ConversionFormat.Notebook,
            var other => throw new ApiException(404, $"Unknown nbconvert format: {other} (html, script and notebook are served)"),
        };
        var root = context.RequestServices.GetRequiredService<ContentsRoot>();
        var path = root.Resolve(context.Request.RouteValues["path"] as string);
        if (root.IsRefusedAsHidden(path.ApiPath) || !File.Exists(path.FullPath) || !ContentsManager.IsNotebookName(path.Name))
        {
            throw ContentsManager.DoesNotExist(path.ApiPath);
        }

        var cancellationToken = context.RequestAborted;
        var bytes = await File.ReadAllBytesAsync(path.FullPath, cancellationToken).ConfigureAwait(false);
        NotebookDocument document;
        try
        {
            document = NotebookReader.Read(bytes, path.ApiPath).Document;
        }
        catch (NotebookFormatException ex)
        {
            throw ApiException.BadRequest($"Unreadable notebook {path.ApiPath}: {ex.Message}");
        }

        var stem = Path.GetFileNameWithoutExtension(path.Name);
        var exporter = NotebookConverter.ExporterFor(format);
        var extension = format == ConversionFormat.Notebook ? ".ipynb" : exporter.FileExtension(document);

        // The exporters write synchronously; Kestrel's body does not take synchronous writes, so the page is built first.
        using var buffer = new MemoryStream();
        NotebookConverter.Convert(document, format, buffer, new ExportResources(stem + "_files"), new ConversionOptions { Title = stem });

        context.Response.ContentType = format switch
        {
            ConversionFormat.Html => "text/html; charset=utf-8",
            ConversionFormat.Notebook => "application/x-ipynb+json",
            _ => "text/plain; charset=utf-8",
        };
        context.Response.Headers.CacheControl = "no-store";
        if (string.Equals(context.Request.Query["download"].LastOrDefault(), "true", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename*=utf-8''{Uri.EscapeDataString(stem + extension)}";
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}
