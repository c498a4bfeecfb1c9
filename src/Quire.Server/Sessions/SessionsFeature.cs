using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Sessions;

/// <summary>/api/sessions: notebooks (paths) bound to kernels.</summary>
public static class SessionsFeature
{
    public static IServiceCollection AddSessions(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
