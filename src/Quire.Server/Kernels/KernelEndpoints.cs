using Microsoft.AspNetCore.Http;
using Quire.Server.Api;
using Quire.Server.Hosting;

namespace Quire.Server.Kernels;

/// <summary>The handlers behind <c>/api/kernels</c>.</summary>
internal static class KernelEndpoints
{
    public static Task ListAsync(HttpContext context, KernelRegistry registry)
    {
        var kernels = registry.Kernels.OrderBy(k => k.Id, StringComparer.Ordinal).ToList();
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartArray();
            kernels.ForEach(k => k.WriteModel(w));
            w.WriteEndArray();
        }, context.RequestAborted);
    }

    /// <summary>Body <c>{name?, path?, kernel_id?}</c>; no body starts the default kernel.</summary>
    public static async Task StartAsync(HttpContext context, KernelRegistry registry, QuireServerOptions options)
    {
        string? name = null, path = null, kernelId = null;
        using (var body = await ApiJson.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false))
        {
            if (body is not null)
            {
                name = ApiJson.GetString(body.RootElement, "name");
                path = ApiJson.GetString(body.RootElement, "path");
                kernelId = ApiJson.GetString(body.RootElement, "kernel_id");
            }
        }

        ServerKernel kernel;
        try
        {
            kernel = await registry.StartAsync(name, path, kernelId, null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (NoSuchKernelSpecException ex)
        {
            // jupyter_server lets NoSuchKernel escape as a 500; the message at least says which name was wrong.
            throw new Http.ApiException(500, ex.Message);
        }

        context.Response.Headers.Location = $"{options.BaseUrl}api/kernels/{Uri.EscapeDataString(kernel.Id)}";
        await ApiJson.WriteAsync(context, StatusCodes.Status201Created, kernel.WriteModel, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task GetAsync(HttpContext context, string kernelId, KernelRegistry registry)
    {
        var kernel = registry.Get(kernelId);
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, kernel.WriteModel, context.RequestAborted);
    }

    public static async Task DeleteAsync(HttpContext context, string kernelId, KernelRegistry registry)
    {
        await registry.ShutdownAsync(kernelId, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static async Task InterruptAsync(HttpContext context, string kernelId, KernelRegistry registry)
    {
        await registry.InterruptAsync(kernelId, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static async Task RestartAsync(HttpContext context, string kernelId, KernelRegistry registry)
    {
        var kernel = await registry.RestartAsync(kernelId, context.RequestAborted).ConfigureAwait(false);
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, kernel.WriteModel, context.RequestAborted).ConfigureAwait(false);
    }
}
