using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Kernels;

/// <summary>/api/kernels and the kernel WebSocket /api/kernels/{id}/channels.</summary>
public static class KernelsFeature
{
    public static IServiceCollection AddKernels(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapKernels(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
