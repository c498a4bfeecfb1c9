using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Contents;

/// <summary>The contents service: /api/contents (files, directories, notebooks, checkpoints) under the root.</summary>
public static class ContentsFeature
{
    public static IServiceCollection AddContents(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapContents(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
