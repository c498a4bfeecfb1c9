using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Quire.Server.Api;
using Quire.Server.Hosting;

namespace Quire.Server.KernelSpecs;

/// <summary>The handlers behind <c>/api/kernelspecs</c> and <c>/kernelspecs/{name}/{file}</c>.</summary>
internal static class KernelSpecEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task ListAsync(HttpContext context, ServerKernelSpecs specs, QuireServerOptions options)
    {
        var all = await specs.GetAllAsync(context.RequestAborted).ConfigureAwait(false);
        var defaultName = await specs.DefaultNameAsync(context.RequestAborted).ConfigureAwait(false);
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("default", defaultName);
            w.WriteStartObject("kernelspecs");
            foreach (var spec in all)
            {
                w.WritePropertyName(spec.Name);
                KernelSpecModel.Write(w, spec, options);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task GetAsync(HttpContext context, string kernelName, ServerKernelSpecs specs, QuireServerOptions options)
    {
        var spec = await specs.FindAsync(kernelName, context.RequestAborted).ConfigureAwait(false)
            ?? throw Http.ApiException.NotFound($"Kernel spec {kernelName} not found");
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => KernelSpecModel.Write(w, spec, options), context.RequestAborted)
            .ConfigureAwait(false);
    }

    public static async Task ResourceAsync(HttpContext context, string kernelName, string path, ServerKernelSpecs specs)
    {
        var spec = await specs.FindAsync(kernelName, context.RequestAborted).ConfigureAwait(false)
            ?? throw Http.ApiException.NotFound($"Kernel spec {kernelName} not found");
        var file = KernelSpecResource.Resolve(spec.ResourceDirectory, path)
            ?? throw Http.ApiException.NotFound($"Kernel spec resource {path} not found in {kernelName}");
        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        headers.XContentTypeOptions = "nosniff";

        // Logos are images: nothing in them may run, even an SVG opened on its own.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        if (file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "max-age=2592000";
        }

        var length = new FileInfo(file).Length;
        headers.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }
}
