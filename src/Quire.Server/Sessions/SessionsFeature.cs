using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quire.Server.Hosting;
using Quire.Server.Security;

namespace Quire.Server.Sessions;

/// <summary>/api/sessions: notebooks (paths) bound to kernels.</summary>
public static class SessionsFeature
{
    public static IServiceCollection AddSessions(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<SessionManager>();
        return services;
    }

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Created now, so that it follows kernel removals from the first kernel on.
        _ = endpoints.ServiceProvider.GetRequiredService<SessionManager>();
        endpoints.MapGet("/api/sessions", SessionEndpoints.ListAsync).RequireAccess("sessions", AccessAction.Read);
        endpoints.MapPost("/api/sessions", SessionEndpoints.CreateAsync).RequireAccess("sessions", AccessAction.Write);
        endpoints.MapGet("/api/sessions/{sessionId}", SessionEndpoints.GetAsync).RequireAccess("sessions", AccessAction.Read);
        endpoints.MapMethods("/api/sessions/{sessionId}", [HttpMethods.Patch], SessionEndpoints.UpdateAsync).RequireAccess("sessions", AccessAction.Write);
        endpoints.MapDelete("/api/sessions/{sessionId}", SessionEndpoints.DeleteAsync).RequireAccess("sessions", AccessAction.Write);
        return endpoints;
    }
}
