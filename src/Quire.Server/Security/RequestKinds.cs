using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>Which kind of route a request is for, to answer it as jupyter_server would (JSON for the API, pages else).</summary>
internal static class RequestKinds
{
    /// <summary>Under <c>{base_url}api</c>: JSON errors, <c>default-src 'none'</c>, 403 instead of a login redirect.</summary>
    public static bool IsApi(HttpRequest request, QuireServerOptions options)
    {
        var path = request.Path.Value ?? string.Empty;
        var api = options.BaseUrl + "api";
        return path.StartsWith(api, StringComparison.Ordinal) && (path.Length == api.Length || path[api.Length] == '/');
    }

    /// <summary>A browser navigating (GET or HEAD of a page): sent to the login page rather than refused.</summary>
    public static bool IsNavigation(HttpContext context, QuireServerOptions options) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.WebSockets.IsWebSocketRequest
        && !IsApi(context.Request, options);
}
