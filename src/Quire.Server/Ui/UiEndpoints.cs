using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;
using Quire.Server.Security;

namespace Quire.Server.Ui;

/// <summary>The UI's handlers: redirects, pages (never cached: they carry the config) and static files.</summary>
internal static class UiEndpoints
{
    private const string ConfigMarker = "<!--quire-config-->";

    // The pages run only the bundle's own scripts: untrusted output HTML is sanitized, and even what slipped through
    // could not run inline script or load script from elsewhere. Styles stay open because CodeMirror and KaTeX set
    // style attributes; images may be data:/blob: URLs (outputs' PNG/JPEG/SVG).
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static Task RedirectToTree(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        context.Response.Redirect(options.BaseUrl + "tree/" + context.Request.QueryString.Value);
        return Task.CompletedTask;
    }

    public static async Task ServePageAsync(HttpContext context, UiAssets assets)
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        var index = await assets.IndexAsync(context.RequestAborted).ConfigureAwait(false);
        if (index is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"The web UI is not built ({assets.Root}/index.html is missing): build src/Quire.Server with node and npm installed.",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var config = new UiPageConfig(options.BaseUrl, typeof(UiEndpoints).Assembly.GetName().Version?.ToString() ?? "0", 120);
        // The default encoder escapes <, > and &, so the JSON cannot close the script element it sits in.
        var json = JsonSerializer.Serialize(config, UiJsonContext.Default.UiPageConfig);
        var html = index
            .Replace(ConfigMarker, $"<script id=\"quire-config\" type=\"application/json\">{json}</script>", StringComparison.Ordinal)
            .Replace("\"./static/", $"\"{options.BaseUrl}static/", StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = $"{PagePolicy}; report-uri {options.BaseUrl}{CspReportEndpoint.Route}";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html), context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task ServeAssetAsync(HttpContext context, UiAssets assets)
    {
        var relative = context.Request.RouteValues["path"] as string ?? string.Empty;
        if (assets.Find(relative) is not { } file)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Vite names every built file by its content hash: a changed file is a new URL, so the old one never goes stale.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        await Results.File(file.Path, file.ContentType).ExecuteAsync(context).ConfigureAwait(false);
    }
}
