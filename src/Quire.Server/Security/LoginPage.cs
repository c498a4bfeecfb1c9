using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>The login and logout pages: plain HTML, every interpolated value encoded.</summary>
internal static class LoginPage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}"
        + "input,button{display:block;width:100%;margin:.5rem 0;padding:.5rem;box-sizing:border-box}.error{color:#b00020}";

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
            </head><body>
            {{body}}
            </body></html>
            """;
        return context.Response.WriteAsync(page, cancellationToken);
    }
}
