using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quire.Server.Hosting;
using Quire.Server.Security;

namespace Quire.Server.Api;

/// <summary>/api, /api/status, /api/me.</summary>
public static class ApiFeature
{
    public static IServiceCollection AddServerApi(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<ServerActivity>();
        services.TryAddSingleton<PermissionChecker>();
        services.AddSingleton<IStartupFilter, ApiActivityStartupFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapServerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The start time is taken now, while the server is being built, not at the first status request.
        _ = endpoints.ServiceProvider.GetRequiredService<ServerActivity>();

        // Version only, and to anyone: clients probe it before they have a token (jupyter_server's allow_unauthenticated).
        endpoints.MapGet("/api", ApiEndpoints.VersionAsync).AllowAnonymous();
        endpoints.MapGet("/api/status", ApiEndpoints.StatusAsync).RequireAccess("api", AccessAction.Read);

        // jupyter_server checks only that the caller is authenticated here: knowing who you are needs no permission.
        endpoints.MapGet("/api/me", ApiEndpoints.IdentityAsync).RequireAccess("api", AccessAction.Read);
        return endpoints;
    }
}
