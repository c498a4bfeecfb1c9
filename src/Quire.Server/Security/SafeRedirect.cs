using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// Where a login may send the browser next (jupyter_server's <c>_redirect_safe</c>): a path under the base URL, or a
/// URL of the allowed origin; anything else goes to the base URL. Open redirects after login are the most repeated
/// Jupyter vulnerability (CVE-2019-10255, CVE-2020-26215, CVE-2023-39968, CVE-2026-33709): <c>//evil</c>,
/// <c>https:///evil</c>, <c>\\evil</c> and friends are all normalised before they are judged.
/// </summary>
internal static class SafeRedirect
{
    public static string Resolve(string? next, QuireServerOptions options, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(options);
        refused = false;
        if (string.IsNullOrEmpty(next))
        {
            return options.BaseUrl;
        }

        if (next.Any(char.IsControl))
        {
            refused = true;
            return options.BaseUrl;
        }

        // Browsers read '\' as '/', so "\\evil" would be "//evil".
        var url = next.Replace("\\", "%5C", StringComparison.Ordinal);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            // "scheme:/*rest" means scheme://rest to a browser, whatever the number of slashes.
            url = string.Concat(url.AsSpan(0, colon), "://", url[(colon + 1)..].TrimStart('/'));
        }
        else if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "//" + url.TrimStart('/');
        }

        if (colon >= 0 || url.StartsWith("//", StringComparison.Ordinal))
        {
            var origin = OriginPolicy.SchemeAndAuthority(url.StartsWith("//", StringComparison.Ordinal) ? "http:" + url : url);
            if (origin is not null && options.AllowOrigin != "*" && OriginPolicy.IsAllowedCrossOrigin(origin, options))
            {
                return url;
            }

            refused = true;
            return options.BaseUrl;
        }

        if (!(url + "/").StartsWith(options.BaseUrl, StringComparison.Ordinal))
        {
            refused = true;
            return options.BaseUrl;
        }

        return url;
    }
}
