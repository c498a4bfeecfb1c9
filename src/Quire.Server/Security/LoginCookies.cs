using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using CookieHeaderValue = Microsoft.Net.Http.Headers.CookieHeaderValue;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// The login cookie: the user, signed with HMAC-SHA256 and dated, set after the first successful token or password
/// use. Named <c>username-&lt;host&gt;</c> as jupyter_server's, so that servers on different ports of one host keep
/// separate logins; HttpOnly, SameSite=Lax, Secure over HTTPS, scoped to the base URL, valid 30 days.
/// </summary>
internal sealed class LoginCookies(SecurityKeys keys, QuireServerOptions options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// The user of header-token requests that bring no login cookie: one per server (every such request holds the
    /// same credential) rather than a fresh random one per request.
    /// </summary>
    public QuireUser TokenUser { get; } = QuireUser.NewAnonymous();

    public static string CookieName(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.Host.Value ?? string.Empty;
        var name = new StringBuilder("username-", 9 + host.Length);
        foreach (var c in host)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return name.ToString();
    }

    /// <summary>The user of the first valid login cookie, or null; <paramref name="invalidPresent"/> says a bad one came.</summary>
    public QuireUser? Read(HttpRequest request, out bool invalidPresent)
    {
        ArgumentNullException.ThrowIfNull(request);
        invalidPresent = false;
        var name = CookieName(request);
        if (!CookieHeaderValue.TryParseList(request.Headers.Cookie, out var cookies))
        {
            return null;
        }

        // Browsers may hold several cookies of one name (different paths); the first valid one wins.
        foreach (var cookie in cookies)
        {
            if (!cookie.Name.Equals(name, StringComparison.Ordinal))
            {
                continue;
            }

            if (Unprotect(cookie.Value.ToString()) is { } user)
            {
                return user;
            }

            invalidPresent = true;
        }

        return null;
    }

    public void Append(HttpContext context, QuireUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName(context.Request), Protect(user), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = options.BaseUrl,
            Expires = time.GetUtcNow() + Lifetime,
            IsEssential = true,
        });
    }

    public void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = CookieName(context.Request);
        context.Response.Cookies.Delete(name, new CookieOptions { Path = options.BaseUrl });
    }

    internal string Protect(QuireUser user)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("u", user.Username);
            writer.WriteString("n", user.Name);
            writer.WriteString("d", user.DisplayName);
            writer.WriteString("i", user.Initials);
            writer.WriteString("a", user.AvatarUrl);
            writer.WriteString("c", user.Color);
            writer.WriteNumber("t", time.GetUtcNow().ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        var payload = buffer.ToArray();
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(keys.CookieKey, payload));
    }

    internal QuireUser? Unprotect(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || value.Length > 4096)
        {
            return null;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(value.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(value.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!SecretComparer.Equal(mac, HMACSHA256.HashData(keys.CookieKey, payload)))
        {
            return null;
        }

        return ReadPayload(payload);
    }

    private QuireUser? ReadPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var issued = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("t").GetInt64());
            var now = time.GetUtcNow();
            if (issued > now + TimeSpan.FromMinutes(5) || now - issued > Lifetime)
            {
                return null;
            }

            return new QuireUser(
                root.GetProperty("u").GetString() ?? string.Empty,
                root.GetProperty("n").GetString() ?? string.Empty,
                root.GetProperty("d").GetString() ?? string.Empty,
                root.GetProperty("i").GetString(),
                root.GetProperty("a").GetString(),
                root.GetProperty("c").GetString());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
