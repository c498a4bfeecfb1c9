using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Security;

/// <summary>
/// What happens before anyone is authenticated: security headers on every response (errors included), the Host
/// check against DNS rebinding (HTTP and WebSocket upgrades alike), and CORS preflights, which carry no credentials.
/// </summary>
internal sealed class RequestGuardMiddleware(RequestDelegate next, QuireServerOptions options, HostPolicy hosts, ILogger<RequestGuardMiddleware> logger)
{
    private const string AllowedHeaders = "accept, content-type, authorization, x-xsrftoken";
    private const string AllowedMethods = "GET, PUT, POST, PATCH, DELETE, OPTIONS";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(SetHeaders, context);
        if (!hosts.IsAllowed(context.Request.Host))
        {
            SecurityLog.HostRefused(logger, SecurityLog.Clip(context.Request.Host.Value));
            return ApiError.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden: this server does not answer to that Host name", null, context.RequestAborted);
        }

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            Preflight(context);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private Task SetHeaders(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!headers.ContainsKey("Content-Security-Policy"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy.For(context, options);
        }

        return Task.CompletedTask;
    }

    // As jupyter_server's APIHandler.options: the browser learns what it may send; the actual request is then
    // authenticated like any other, so this grants nothing by itself.
    private void Preflight(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlAllowMethods = AllowedMethods;
        var origin = OriginPolicy.OriginOf(context.Request);
        var asksForAuthorization = context.Request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.TrimEntries)
            .Any(h => h.Equals("authorization", StringComparison.OrdinalIgnoreCase));
        if (options.AllowOrigin.Length > 0)
        {
            headers.AccessControlAllowOrigin = asksForAuthorization && !string.IsNullOrEmpty(origin) ? origin : options.AllowOrigin;
            headers.Vary = "Origin";
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
