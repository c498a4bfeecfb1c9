using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quire.Server.Contents;
using Quire.Server.Hosting;
using Quire.Server.Kernels.Channels;
using Quire.Server.Kernels.Outputs;
using Quire.Server.Security;

namespace Quire.Server.Kernels;

/// <summary>/api/kernels and the kernel WebSocket /api/kernels/{id}/channels.</summary>
public static class KernelsFeature
{
    public static IServiceCollection AddKernels(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(new KernelsOptions());
        services.TryAddSingleton<NotebookOutputStore>();

        // Replaces the contents service's no-op default: outputs recorded here appear in notebooks it returns.
        services.Replace(ServiceDescriptor.Singleton<INotebookModelOverlay>(sp => sp.GetRequiredService<NotebookOutputStore>()));
        services.TryAddSingleton<KernelRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<KernelRegistry>());
        return services;
    }

    public static IEndpointRouteBuilder MapKernels(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Actions as jupyter_server's HTTP_METHOD_TO_AUTH_ACTION: GET reads, other methods write, WebSockets execute.
        endpoints.MapGet("/api/kernels", KernelEndpoints.ListAsync).RequireAccess("kernels", AccessAction.Read);
        endpoints.MapPost("/api/kernels", KernelEndpoints.StartAsync).RequireAccess("kernels", AccessAction.Write);
        endpoints.MapGet("/api/kernels/{kernelId}", KernelEndpoints.GetAsync).RequireAccess("kernels", AccessAction.Read);
        endpoints.MapDelete("/api/kernels/{kernelId}", KernelEndpoints.DeleteAsync).RequireAccess("kernels", AccessAction.Write);
        endpoints.MapPost("/api/kernels/{kernelId}/interrupt", KernelEndpoints.InterruptAsync).RequireAccess("kernels", AccessAction.Write);
        endpoints.MapPost("/api/kernels/{kernelId}/restart", KernelEndpoints.RestartAsync).RequireAccess("kernels", AccessAction.Write);
        endpoints.MapGet("/api/kernels/{kernelId}/channels", KernelChannelsEndpoint.ConnectAsync).RequireAccess("kernels", AccessAction.Execute);
        return endpoints;
    }
}
