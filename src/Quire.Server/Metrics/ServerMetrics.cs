using Prometheus;

namespace Quire.Server.Metrics;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (two servers in one process, as in tests, do not mix
/// their figures). Names follow jupyter_server's where it has one (<c>http_request_duration_seconds</c>,
/// <c>kernel_currently_running_total</c>); the rest are <c>quire_…</c>.
/// </summary>
public sealed class ServerMetrics
{
    private readonly Histogram _httpDuration;
    private readonly Histogram _kernelStart;
    private readonly Gauge _kernelsRunning;
    private readonly Gauge _kernelsByState;
    private readonly Counter _restarts;
    private readonly Counter _deaths;
    private readonly Counter _culled;
    private readonly Gauge _sessions;
    private readonly Gauge _webSockets;
    private readonly Histogram _saves;

    public ServerMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _httpDuration = factory.CreateHistogram(
            "http_request_duration_seconds", "HTTP requests by method, route (handler) and status code.", ["method", "handler", "status_code"]);
        _kernelStart = factory.CreateHistogram(
            "quire_kernel_start_duration_seconds",
            "Time from a kernel start request to its first kernel_info_reply.",
            ["type"],
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.05, 2, 10) });
        _kernelsRunning = factory.CreateGauge("kernel_currently_running_total", "Running kernels by kernelspec name.", ["type"]);
        _kernelsByState = factory.CreateGauge("quire_kernels", "Kernels by execution state.", ["execution_state"]);
        _restarts = factory.CreateCounter("quire_kernel_restarts_total", "Kernel restarts, asked for or automatic.", ["type", "reason"]);
        _deaths = factory.CreateCounter("quire_kernel_deaths_total", "Kernels that died without being asked to.", ["type"]);
        _culled = factory.CreateCounter("quire_kernels_culled_total", "Kernels shut down by the idle culler.", ["type"]);
        _sessions = factory.CreateGauge("quire_sessions", "Open sessions.");
        _webSockets = factory.CreateGauge("quire_websocket_connections", "Open kernel WebSocket connections.");
        _saves = factory.CreateHistogram(
            "quire_contents_save_duration_seconds",
            "Saves through the contents API by outcome (ok, invalid, failed).",
            ["outcome"],
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 4, 8) });
    }

    /// <summary>What <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    public void HttpRequest(string method, string handler, int statusCode, TimeSpan duration) =>
        _httpDuration.WithLabels(method, handler, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Observe(duration.TotalSeconds);

    public void KernelStarted(string kernelName, TimeSpan duration)
    {
        _kernelStart.WithLabels(kernelName).Observe(duration.TotalSeconds);
        _kernelsRunning.WithLabels(kernelName).Inc();
    }

    public void KernelStopped(string kernelName) => _kernelsRunning.WithLabels(kernelName).Dec();

    /// <summary>Moves one kernel between states; null for "not counted" (before start, after shutdown).</summary>
    public void KernelStateChanged(string? from, string? to)
    {
        if (from is not null)
        {
            _kernelsByState.WithLabels(from).Dec();
        }

        if (to is not null)
        {
            _kernelsByState.WithLabels(to).Inc();
        }
    }

    public void KernelRestarted(string kernelName, bool automatic) => _restarts.WithLabels(kernelName, automatic ? "auto" : "requested").Inc();

    public void KernelDied(string kernelName) => _deaths.WithLabels(kernelName).Inc();

    public void KernelCulled(string kernelName) => _culled.WithLabels(kernelName).Inc();

    public void SessionOpened() => _sessions.Inc();

    public void SessionClosed() => _sessions.Dec();

    public void WebSocketOpened() => _webSockets.Inc();

    public void WebSocketClosed() => _webSockets.Dec();

    /// <summary>A save through the contents API: <paramref name="outcome"/> is ok, invalid (saved with validation errors) or failed.</summary>
    public void Saved(string outcome, TimeSpan duration) => _saves.WithLabels(outcome).Observe(duration.TotalSeconds);
}
