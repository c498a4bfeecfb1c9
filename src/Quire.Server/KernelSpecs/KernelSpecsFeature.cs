using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.KernelSpecs;

/// <summary>/api/kernelspecs and /kernelspecs/{name}/{file}.</summary>
public static class KernelSpecsFeature
{
    public static IServiceCollection AddKernelSpecs(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapKernelSpecs(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
