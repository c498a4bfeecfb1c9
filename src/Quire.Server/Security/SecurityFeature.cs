using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// Authentication (token, password), per-endpoint access (<see cref="AccessRequirement"/>), XSRF, Origin/Host checks
/// and security headers. Every endpoint requires an authenticated caller and a satisfied <see cref="AccessRequirement"/>
/// unless it is marked AllowAnonymous; one that declares neither is refused.
/// </summary>
public static class SecurityFeature
{
    public static IServiceCollection AddQuireSecurity(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => SecurityKeys.Create(options));
        services.AddSingleton<LoginCookies>();
        services.AddSingleton(new HostPolicy(options));
        services.TryAddSingleton<IAccessAuthorizer, AllowAuthenticatedAuthorizer>();
        services.AddSingleton<IAuthorizationHandler, EndpointAccessHandler>();
        // The core only: AddAuthentication() would also bring Data Protection, which writes keys into the user's
        // profile at start for cookie schemes Quire does not use (its login cookie is signed with its own key).
        services.AddAuthenticationCore(authentication =>
        {
            authentication.DefaultScheme = QuireClaims.Scheme;
            authentication.AddScheme<QuireAuthenticationHandler>(QuireClaims.Scheme, QuireClaims.Scheme);
        });
        services.AddWebEncoders();
        services.AddOptions<QuireAuthenticationOptions>(QuireClaims.Scheme);
        services.AddAuthorization(authorization =>
        {
            var policy = new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(EndpointAccessRequirement.Instance)
                .Build();
            authorization.DefaultPolicy = policy;
            authorization.FallbackPolicy = policy;
        });

        // ASP.NET Core's request log prints the full URL, query string included, and "?token=" is a credential: it is
        // kept to warnings, and the security layer logs what it decides without secrets.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    public static IApplicationBuilder UseQuireSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestGuardMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>/login, /logout and the CSP report endpoint.</summary>
    public static IEndpointRouteBuilder MapQuireSecurity(this IEndpointRouteBuilder endpoints)
    {
        LoginEndpoints.Map(endpoints);
        CspReportEndpoint.Map(endpoints);
        return endpoints;
    }
}
