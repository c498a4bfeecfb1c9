using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quire.Notebook.Json;
using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Responses of the contents API with jupyter_server's headers (Last-Modified, Location).</summary>
internal static class ContentsResponses
{
    public static Task ModelAsync(HttpContext context, int status, ContentsModel model, bool location)
    {
        var headers = context.Response.Headers;
        headers.LastModified = JupyterTimestamp.Http(model.LastModified);
        if (location)
        {
            headers.Location = Location(context, model.Path);
        }

        return model.RenderedContent is { } content
            ? JsonBody.WriteWithContentAsync(context.Response, status, model.ToJson(), content, context.RequestAborted)
            : JsonBody.WriteAsync(context.Response, status, model.ToJson(), context.RequestAborted);
    }

    /// <summary><c>{base_url}api/contents/{path}</c> with each segment percent-encoded.</summary>
    public static string Location(HttpContext context, string apiPath, string suffix = "")
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        var escaped = string.Join('/', apiPath.Split('/').Select(Uri.EscapeDataString));
        return $"{options.BaseUrl}api/contents/{escaped}{suffix}".Replace("contents//", "contents/", StringComparison.Ordinal);
    }

    public static Task JsonAsync(HttpContext context, int status, JValue body) =>
        JsonBody.WriteAsync(context.Response, status, body, context.RequestAborted);

    public static Task NoContent(HttpContext context, int status = StatusCodes.Status204NoContent)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
