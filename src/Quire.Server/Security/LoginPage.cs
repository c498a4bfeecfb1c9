using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>The login and logout pages: plain HTML, every interpolated value encoded.</summary>
internal static class LoginPage
{
    // The app's palette and type (web/src/style.css), light or dark as the system prefers: the page loads nothing else.
    private const string Style =
        ":root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#6b7280;--border:#e3e6eb;--accent:#3b6fd8;--danger:#c2410c;color-scheme:light}"
        + "@media (prefers-color-scheme:dark){:root{--bg:#16191f;--card:#1d2128;--fg:#dde1e8;--muted:#8d96a5;--border:#2d333d;--accent:#7aa2f7;--danger:#f08a5d;color-scheme:dark}}"
        + "*{box-sizing:border-box}html,body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,'Segoe UI','Noto Sans','DejaVu Sans',sans-serif}"
        + "main{max-width:22rem;margin:12vh auto;padding:2rem;background:var(--card);border:1px solid var(--border);border-radius:10px}"
        + "h1{margin:0 0 1.25rem;font-size:20px;letter-spacing:.02em}label{color:var(--muted);font-size:13px}"
        + "input,button{display:block;width:100%;margin:.4rem 0 1rem;padding:.55rem .7rem;border-radius:6px;font:inherit}"
        + "input{border:1px solid var(--border);background:var(--bg);color:var(--fg)}input:focus{outline:2px solid var(--accent);outline-offset:0;border-color:var(--accent)}"
        + "button{border:0;background:var(--accent);color:#fff;font-weight:600;cursor:pointer}button:focus-visible{outline:2px solid var(--fg);outline-offset:2px}"
        + "a{color:var(--accent)}.error{color:var(--danger);margin:0 0 1rem}";

    public static Task WriteLoginAsync(HttpContext context, QuireServerOptions options, string next, string? error, CancellationToken cancellationToken)
    {
        var html = HtmlEncoder.Default;
        var xsrf = XsrfCookie.Ensure(context, options);
        var action = $"{options.BaseUrl}login?next={Uri.EscapeDataString(next)}";
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>";
        var label = string.IsNullOrEmpty(options.PasswordHash) ? "Token" : "Password or token";
        var body = $"""
            <h1>Quire</h1>
            {message}
            <form action="{html.Encode(action)}" method="post">
            <input type="hidden" name="_xsrf" value="{html.Encode(xsrf)}">
            <label for="password">{label}</label>
            <input type="password" id="password" name="password" autocomplete="current-password" autofocus required>
            <button type="submit">Log in</button>
            </form>
            """;
        return WriteAsync(context, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized, "Log in", body, cancellationToken);
    }

    public static Task WriteLoggedOutAsync(HttpContext context, QuireServerOptions options, CancellationToken cancellationToken)
    {
        var body = $"""
            <h1>Quire</h1>
            <p>You have been logged out. <a href="{HtmlEncoder.Default.Encode(options.BaseUrl + "login")}">Log in again</a>.</p>
            """;
        return WriteAsync(context, StatusCodes.Status200OK, "Logged out", body, cancellationToken);
    }

    private static Task WriteAsync(HttpContext context, int status, string title, string body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        // The page holds a fresh XSRF token: never serve it from a cache.
        context.Response.Headers.CacheControl = "no-store";
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{title}} · Quire</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>{{Style}}</style>
            </head><body><main>
            {{body}}
            </main></body></html>
            """;
        return context.Response.WriteAsync(page, cancellationToken);
    }
}
