using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quire.Server.Hosting;
using Quire.Server.Security.Passwords;

namespace Quire.Server.Security;

/// <summary>
/// <c>/login</c> (GET shows the form, POST checks the password, or the token typed as one) and <c>/logout</c>, as
/// jupyter_server's identity provider handlers. The form's POST carries the XSRF token like any other.
/// </summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("login", (RequestDelegate)ShowAsync).AllowAnonymous();
        endpoints.MapPost("login", (RequestDelegate)LoginAsync).AllowAnonymous();
        endpoints.MapGet("logout", (RequestDelegate)LogoutAsync).AllowAnonymous();
    }

    /// <summary>The login page's URL, remembering where the browser was going (without any token in it).</summary>
    public static string LoginUrl(QuireServerOptions options, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var next = new StringBuilder(request.Path.Value);
        var separator = '?';
        foreach (var (key, values) in request.Query)
        {
            if (key == "token")
            {
                continue;
            }

            foreach (var value in values)
            {
                next.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
                separator = '&';
            }
        }

        return $"{options.BaseUrl}login?next={Uri.EscapeDataString(next.ToString())}";
    }

    private static Task ShowAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        var next = Next(context, options);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.Redirect(next);
            return Task.CompletedTask;
        }

        return LoginPage.WriteLoginAsync(context, options, next, null, context.RequestAborted);
    }

    private static async Task LoginAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<QuireServerOptions>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginEndpoints));
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var typed = form?["password"].FirstOrDefault() ?? string.Empty;
        var next = Next(context, options);
        if (typed.Length == 0 || !await IsValidAsync(typed, options, context.RequestAborted).ConfigureAwait(false))
        {
            SecurityLog.LoginFailed(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            await LoginPage.WriteLoginAsync(context, options, next, "Invalid credentials", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var user = QuireUser.NewAnonymous();
        services.GetRequiredService<LoginCookies>().Append(context, user);
        SecurityLog.LoggedIn(logger, user.Name);
        context.Response.Redirect(next);
    }

    private static Task LogoutAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        context.RequestServices.GetRequiredService<LoginCookies>().Clear(context);
        return LoginPage.WriteLoggedOutAsync(context, options, context.RequestAborted);
    }

    private static async Task<bool> IsValidAsync(string typed, QuireServerOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.PasswordHash) && await PasswordHash.VerifyAsync(options.PasswordHash, typed, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        // As jupyter_server, the token typed into the form logs in too.
        return !string.IsNullOrEmpty(options.Token) && SecretComparer.Equal(typed, options.Token);
    }

    private static string Next(HttpContext context, QuireServerOptions options)
    {
        var requested = context.Request.Query["next"].FirstOrDefault();
        var next = SafeRedirect.Resolve(requested, options, out var refused);
        if (refused)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginEndpoints));
            SecurityLog.UnsafeRedirect(logger, SecurityLog.Clip(requested));
        }

        return next;
    }
}
