using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

namespace Quire.Server.Metrics;

/// <summary>/metrics in Prometheus text format.</summary>
public static class MetricsFeature
{
    public static IServiceCollection AddServerMetrics(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static IEndpointRouteBuilder MapServerMetrics(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
