using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// Double-submit XSRF protection as tornado's <c>xsrf_cookies</c>, which jupyter_server turns on: a random
/// <c>_xsrf</c> cookie readable by the page's scripts, echoed back in the <c>X-XSRFToken</c> header (what JupyterLab
/// sends), an <c>_xsrf</c> form field or query parameter. Another site can make a browser send the cookie but
/// cannot read it to echo it.
/// </summary>
internal static class XsrfCookie
{
    public const string Name = "_xsrf";

    /// <summary>The request's XSRF cookie, setting a fresh one on the response when it has none.</summary>
    public static string Ensure(HttpContext context, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (context.Items.TryGetValue(Name, out var issued) && issued is string already)
        {
            return already;
        }

        if (context.Request.Cookies.TryGetValue(Name, out var existing) && IsWellFormed(existing))
        {
            return existing;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        context.Items[Name] = token;
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            // Scripts must read it to echo it back: not HttpOnly, by design.
            HttpOnly = false,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = options.BaseUrl,
            IsEssential = true,
        });
        return token;
    }

    /// <summary>Whether the request echoes its XSRF cookie in a header, the query or a form field.</summary>
    public static async Task<bool> IsEchoedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(Name, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        var presented = FirstNonEmpty(request.Headers["X-XSRFToken"], request.Headers["X-CSRFToken"], request.Query[Name]);
        if (presented is null && request.HasFormContentType)
        {
            // Buffered by ReadFormAsync, so the endpoint reads the same form afterwards.
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            presented = FirstNonEmpty(form[Name]);
        }

        return presented is not null && SecretComparer.Equal(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(cookie));
    }

    private static string? FirstNonEmpty(params ReadOnlySpan<Microsoft.Extensions.Primitives.StringValues> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.FirstOrDefault(v => !string.IsNullOrEmpty(v)) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsWellFormed(string value) => value.Length is > 0 and <= 256;
}
