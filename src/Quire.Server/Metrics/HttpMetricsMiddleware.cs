using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Quire.Server.Metrics;

/// <summary>
/// Times every request and files it under its route pattern (never the raw path: paths are unbounded and can name
/// users' files), as jupyter_server's <c>http_request_duration_seconds</c> files it under its handler.
/// </summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, ServerMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var handler = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.HttpRequest(context.Request.Method, handler, context.Response.StatusCode, time.GetElapsedTime(started));
        }
    }
}
