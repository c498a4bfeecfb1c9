using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Security;

/// <summary>
/// Cross-site defences that depend on how a request authenticated (after authentication, before authorization). A
/// token-authenticated request proves it was not forged, so, as in jupyter_server, it skips them and may come from
/// any origin. Anything else is refused when its Origin is foreign; an unsafe method must echo the XSRF cookie; and a
/// cookie-authenticated GET of users' raw files must come from a page of this server.
/// </summary>
internal sealed class CrossSiteMiddleware(RequestDelegate next, QuireServerOptions options, ILogger<CrossSiteMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.User.FindFirst(QuireClaims.AuthenticationMethod)?.Value;
        var tokenAuthenticated = method == QuireClaims.TokenMethod;
        SetCorsHeaders(context, tokenAuthenticated);
        if (tokenAuthenticated)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!OriginPolicy.IsAllowed(request, options))
        {
            SecurityLog.OriginRefused(logger, path, SecurityLog.Clip(OriginPolicy.OriginOf(request)));
            await Refuse(context, "Forbidden: cross-origin request").ConfigureAwait(false);
            return;
        }

        var endpoint = context.GetEndpoint();
        if (IsUnsafe(request.Method))
        {
            if (endpoint?.Metadata.GetMetadata<SkipXsrfMetadata>() is null && !await XsrfCookie.IsEchoedAsync(request, context.RequestAborted).ConfigureAwait(false))
            {
                var reason = request.Cookies.ContainsKey(XsrfCookie.Name)
                    ? $"XSRF cookie does not match {request.Method} argument"
                    : $"'_xsrf' argument missing from {request.Method}";
                SecurityLog.XsrfRefused(logger, request.Method, path, reason);
                await Refuse(context, reason).ConfigureAwait(false);
                return;
            }
        }
        else if (method == QuireClaims.CookieMethod && endpoint?.Metadata.GetMetadata<UserContentMetadata>() is not null
            && !await XsrfCookie.IsEchoedAsync(request, context.RequestAborted).ConfigureAwait(false)
            && RefererProblem(request) is { } problem)
        {
            SecurityLog.XsrfRefused(logger, request.Method, path, problem);
            await Refuse(context, problem).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    private static Task Refuse(HttpContext context, string message) =>
        ApiError.WriteAsync(context, StatusCodes.Status403Forbidden, message, null, context.RequestAborted);

    // jupyter_server's check_referer: a page of this server (or of the allowed origin) links to the file; a page
    // elsewhere embedding it with <script src> or <img> sends its own Referer, and a missing one is refused too.
    private string? RefererProblem(HttpRequest request)
    {
        var referer = request.Headers.Referer.FirstOrDefault();
        if (string.IsNullOrEmpty(referer) || !request.Host.HasValue)
        {
            return "Blocking request from unknown origin";
        }

        if (OriginPolicy.IsSameHost(referer, request.Host.Value!) || options.AllowOrigin == "*")
        {
            return null;
        }

        var origin = OriginPolicy.SchemeAndAuthority(referer);
        return origin is not null && OriginPolicy.IsAllowedCrossOrigin(origin, options)
            ? null
            : $"Blocking Cross Origin request from {SecurityLog.Clip(origin ?? referer)}.";
    }

    // As jupyter_server's set_cors_headers: the configured origin, else the caller's own origin for token requests
    // (which cannot be forged cross-site).
    private void SetCorsHeaders(HttpContext context, bool tokenAuthenticated)
    {
        var headers = context.Response.Headers;
        if (options.AllowOrigin.Length > 0)
        {
            headers.AccessControlAllowOrigin = options.AllowOrigin;
        }
        else if (tokenAuthenticated && OriginPolicy.OriginOf(context.Request) is { Length: > 0 } origin)
        {
            headers.AccessControlAllowOrigin = origin;
            headers.Vary = "Origin";
        }
    }
}
