using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Api;

/// <summary>/api, /api/status, /api/me.</summary>
public static class ApiFeature
{
    public static IServiceCollection AddServerApi(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapServerApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
