using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quire.Server.Hosting;
using Quire.Server.Security;

namespace Quire.Server.KernelSpecs;

/// <summary>/api/kernelspecs and /kernelspecs/{name}/{file}.</summary>
public static class KernelSpecsFeature
{
    public static IServiceCollection AddKernelSpecs(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(new KernelSpecsOptions());
        services.TryAddSingleton<ServerStateDirectory>();
        services.TryAddSingleton<ServerKernelSpecs>();
        return services;
    }

    public static IEndpointRouteBuilder MapKernelSpecs(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/kernelspecs", KernelSpecEndpoints.ListAsync).RequireAccess("kernelspecs", AccessAction.Read);
        endpoints.MapGet("/api/kernelspecs/{kernelName}", KernelSpecEndpoints.GetAsync).RequireAccess("kernelspecs", AccessAction.Read);
        endpoints.MapMethods("/kernelspecs/{kernelName}/{**path}", [HttpMethods.Get, HttpMethods.Head], KernelSpecEndpoints.ResourceAsync)
            .RequireAccess("kernelspecs", AccessAction.Read);
        return endpoints;
    }
}
