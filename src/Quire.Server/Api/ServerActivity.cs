namespace Quire.Server.Api;

/// <summary>
/// When the server started and when something last happened through its API or on a kernel: what
/// <c>/api/status</c> reports and what an idle-server culler (JupyterHub's) reads.
/// </summary>
internal sealed class ServerActivity
{
    private readonly TimeProvider _time;
    private long _lastApiTicks;
    private long _lastKernelTicks;

    public ServerActivity(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        Started = timeProvider.GetUtcNow();
    }

    public DateTimeOffset Started { get; }

    /// <summary>The latest of the start, the last tracked API request and the last kernel activity.</summary>
    public DateTimeOffset LastActivity
    {
        get
        {
            var ticks = Math.Max(Started.UtcTicks, Math.Max(Interlocked.Read(ref _lastApiTicks), Interlocked.Read(ref _lastKernelTicks)));
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Records an API request (jupyter_server's <c>api_last_activity</c>).</summary>
    public void ApiRequest() => Interlocked.Exchange(ref _lastApiTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>Records kernel activity (jupyter_server's <c>last_kernel_activity</c>).</summary>
    public void KernelActivity(DateTimeOffset at) => Interlocked.Exchange(ref _lastKernelTicks, at.UtcTicks);
}
