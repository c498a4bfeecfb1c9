using Microsoft.AspNetCore.Http;

namespace Quire.Server.Security;

/// <summary>
/// Where a request may present the token, in jupyter_server's order: the <c>token</c> query parameter, then an
/// <c>Authorization: token &lt;t&gt;</c> or <c>Authorization: bearer &lt;t&gt;</c> header (scheme case-insensitive).
/// </summary>
internal static class TokenReader
{
    /// <summary>Whether the request carries a non-empty <c>token</c> query parameter (a browser's first visit).</summary>
    public static bool IsInQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue("token", out var query) && query.Any(v => !string.IsNullOrEmpty(v));
    }

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue("token", out var query) && query.FirstOrDefault(v => !string.IsNullOrEmpty(v)) is { } fromQuery)
        {
            return fromQuery;
        }

        foreach (var header in request.Headers.Authorization)
        {
            if (header is null)
            {
                continue;
            }

            var space = header.IndexOfAny([' ', '\t']);
            if (space <= 0)
            {
                continue;
            }

            var scheme = header.AsSpan(0, space);
            if (scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
            {
                var token = header.AsSpan(space).Trim();
                if (!token.IsEmpty)
                {
                    return token.ToString();
                }
            }
        }

        return null;
    }
}
