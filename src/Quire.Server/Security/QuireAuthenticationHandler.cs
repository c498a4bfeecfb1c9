using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Security;

/// <summary>
/// jupyter_server's identity provider as an authentication scheme: the token (query parameter or Authorization
/// header, compared in constant time) or the login cookie. A token request keeps the user of a valid cookie; without one,
/// a token in the query (a browser's first visit) gets a new anonymous user and the cookie that remembers it, and a token
/// in a header gets the server's one header-token user and no cookie. An unauthenticated API call is refused with 403
/// and a JSON body; a browser navigating to a page is sent to the login page.
/// </summary>
internal sealed class QuireAuthenticationHandler(
    IOptionsMonitor<QuireAuthenticationOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    QuireServerOptions options,
    LoginCookies cookies)
    : AuthenticationHandler<QuireAuthenticationOptions>(schemeOptions, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var cookieUser = cookies.Read(Request, out var invalidCookie);
        var presented = TokenReader.Read(Request);
        if (presented is not null && !string.IsNullOrEmpty(options.Token) && SecretComparer.Equal(presented, options.Token))
        {
            // The login cookie is for browsers, which arrive with ?token= once and then rely on the cookie. A client
            // sending the token in a header sends it on every request: minting (and signing) a cookie and a fresh
            // anonymous user for each of those was a tenth of a small request's time, for a cookie no one keeps.
            var user = cookieUser ?? (TokenReader.IsInQuery(Request) ? QuireUser.NewAnonymous() : cookies.TokenUser);
            if (cookieUser is null && !ReferenceEquals(user, cookies.TokenUser))
            {
                cookies.Append(Context, user);
            }

            XsrfCookie.Ensure(Context, options);
            return Task.FromResult(Success(user, QuireClaims.TokenMethod));
        }

        if (presented is not null)
        {
            SecurityLog.TokenRejected(Logger, Request.Method, Request.Path.Value ?? string.Empty);
        }

        if (cookieUser is not null)
        {
            XsrfCookie.Ensure(Context, options);
            return Task.FromResult(Success(cookieUser, QuireClaims.CookieMethod));
        }

        if (invalidCookie)
        {
            // A stale cookie (expired, or signed before the password or token changed) is cleared so that the browser
            // stops sending it; a request with no cookie at all is left alone.
            SecurityLog.InvalidLoginCookie(Logger);
            cookies.Clear(Context);
        }

        return Task.FromResult(presented is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("invalid token"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (RequestKinds.IsNavigation(Context, options))
        {
            Response.Redirect(LoginEndpoints.LoginUrl(options, Request));
            return;
        }

        await ApiError.WriteKeepingHeadersAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", null, Context.RequestAborted).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiError.WriteKeepingHeadersAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", null, Context.RequestAborted);

    private static AuthenticateResult Success(QuireUser user, string method) =>
        AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(method), QuireClaims.Scheme));
}
