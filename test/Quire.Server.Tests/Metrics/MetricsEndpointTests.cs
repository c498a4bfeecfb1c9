using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Metrics;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ArePrometheusText_WithRequestsFiledByRoutePattern()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: Ct);
        using (await server.Client.GetAsync(new Uri("metrics", UriKind.Relative), Ct))
        {
            // The first scrape is itself a request that the second one reports.
        }

        using var response = await server.Client.GetAsync(new Uri("metrics", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_count{method=\"GET\",handler=\"/metrics\",status_code=\"200\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerEvents_ShowUpInTheExport()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: Ct);
        var metrics = server.App.Services.GetRequiredService<ServerMetrics>();
        metrics.KernelStarted("python3", TimeSpan.FromMilliseconds(300));
        metrics.KernelStateChanged(null, "idle");
        metrics.KernelCulled("python3");
        metrics.Saved("ok", TimeSpan.FromMilliseconds(2));

        var text = await server.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), Ct);

        Assert.Contains("kernel_currently_running_total{type=\"python3\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("quire_kernels{execution_state=\"idle\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("quire_kernels_culled_total{type=\"python3\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("quire_kernel_start_duration_seconds_count{type=\"python3\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("quire_contents_save_duration_seconds_count{outcome=\"ok\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoServersInOneProcess_KeepTheirOwnFigures()
    {
        await using var first = await ServerHost.StartAsync(cancellationToken: Ct);
        await using var second = await ServerHost.StartAsync(cancellationToken: Ct);
        first.App.Services.GetRequiredService<ServerMetrics>().KernelCulled("python3");

        var text = await second.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), Ct);

        Assert.DoesNotContain("quire_kernels_culled_total{type=\"python3\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saves_AreCountedByOutcome()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: Ct);
        using var body = new StringContent("""{"type": "file", "format": "text", "content": "hello"}""", System.Text.Encoding.UTF8, "application/json");
        using var saved = await server.Client.PutAsync(new Uri("api/contents/hello.txt", UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var text = await server.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), Ct);

        Assert.Contains("quire_contents_save_duration_seconds_count{outcome=\"ok\"} 1", text, StringComparison.Ordinal);
    }
}
