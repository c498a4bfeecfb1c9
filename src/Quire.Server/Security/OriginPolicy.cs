using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// jupyter_server's <c>check_origin</c>: a request that is not token-authenticated may come from a page of this server
/// (Origin's host and port equal to Host), from <see cref="QuireServerOptions.AllowOrigin"/>, or from no page at all
/// (no Origin: scripts, same-origin GETs). Anything else is a cross-site request riding on the user's cookie.
/// </summary>
internal static class OriginPolicy
{
    public static string? OriginOf(HttpRequest request)
    {
        var origin = request.Headers.Origin.FirstOrDefault();
        // Old WebSocket drafts (version 8) named it Sec-WebSocket-Origin.
        return string.IsNullOrEmpty(origin) ? request.Headers["Sec-WebSocket-Origin"].FirstOrDefault() : origin;
    }

    public static bool IsAllowed(HttpRequest request, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowOrigin == "*")
        {
            return true;
        }

        var origin = OriginOf(request);
        if (string.IsNullOrEmpty(origin) || !request.Host.HasValue)
        {
            return true;
        }

        return IsSameHost(origin, request.Host.Value!) || IsAllowedCrossOrigin(origin, options);
    }

    /// <summary>Whether a URL's scheme://authority (an Origin, or a Referer's) is the configured allowed origin.</summary>
    public static bool IsAllowedCrossOrigin(string origin, QuireServerOptions options) =>
        options.AllowOrigin.Length > 0 && string.Equals(options.AllowOrigin, origin, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the authority of <paramref name="url"/> (between "://" and the next '/') is <paramref name="host"/>.</summary>
    public static bool IsSameHost(string url, string host)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            // "null" (sandboxed frames, file: pages) is never this server.
            return false;
        }

        start += 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url.AsSpan(start) : url.AsSpan(start, end - start);
        return authority.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>scheme://authority of an absolute URL, or null.</summary>
    public static string? SchemeAndAuthority(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null;
}
