using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Files;

/// <summary>Raw file downloads: /files/{path}, sandboxed by CSP.</summary>
public static class FilesFeature
{
    public static IServiceCollection AddFiles(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder endpoints)
    {
        FilesEndpoint.Map(endpoints);
        return endpoints;
    }
}
