using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Quire.Server.Hosting;
using Quire.Server.Security;

namespace Quire.Server.Metrics;

/// <summary><c>/metrics</c> in Prometheus text format; authenticated, as jupyter_server's is by default.</summary>
public static class MetricsFeature
{
    public static IServiceCollection AddServerMetrics(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<ServerMetrics>();
        return services;
    }

    /// <summary>Outermost middleware, so that it sees the status the error middleware settles on.</summary>
    public static IApplicationBuilder UseServerMetrics(this IApplicationBuilder app) => app.UseMiddleware<HttpMetricsMiddleware>();

    public static IEndpointRouteBuilder MapServerMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registry = endpoints.ServiceProvider.GetRequiredService<ServerMetrics>().Registry;
        endpoints.MapMetrics("/metrics", registry).RequireAccess("server", AccessAction.Read);
        return endpoints;
    }
}
