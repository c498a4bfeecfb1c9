namespace Quire.Benchmarks.Server;

/// <summary>Everything measured on one server, in milliseconds unless named otherwise, over all rounds.</summary>
internal sealed class ServerFigures(string label)
{
    public string Label { get; } = label;

    /// <summary>GET with content, per notebook file name.</summary>
    public Dictionary<string, List<double>> Get { get; } = new(StringComparer.Ordinal);

    /// <summary>PUT (save), per notebook file name.</summary>
    public Dictionary<string, List<double>> Put { get; } = new(StringComparer.Ordinal);

    /// <summary>The server process's CPU time per GET, per notebook file name (10 ms ticks: use the mean).</summary>
    public Dictionary<string, List<double>> GetCpu { get; } = new(StringComparer.Ordinal);

    /// <summary>The server process's CPU time per PUT, per notebook file name.</summary>
    public Dictionary<string, List<double>> PutCpu { get; } = new(StringComparer.Ordinal);

    /// <summary>Concurrent GETs: requests per second, one figure per round.</summary>
    public List<double> RequestsPerSecond { get; } = [];

    /// <summary>Concurrent GETs: the server process's CPU milliseconds per request, one figure per round.</summary>
    public List<double> ServerCpuPerRequest { get; } = [];

    /// <summary>Concurrent GETs: this client's CPU milliseconds per request, one figure per round.</summary>
    public List<double> ClientCpuPerRequest { get; } = [];

    /// <summary>Concurrent GETs: every request's latency.</summary>
    public List<double> ConcurrentLatency { get; } = [];

    /// <summary>Kernel starts: until every POST has answered, one figure per round.</summary>
    public List<double> AllPosted { get; } = [];

    /// <summary>Kernel starts: until every kernel's WebSocket delivered its kernel_info_reply and idle status.</summary>
    public List<double> AllIdle { get; } = [];

    /// <summary>Kernel starts: how many kernels GET /api/kernels/{id} showed idle once their WebSocket did.</summary>
    public List<int> RestIdle { get; } = [];

    /// <summary>Kernel starts: the messages of POSTs answered with a 5xx (each retried).</summary>
    public List<string> StartFailures { get; } = [];

    /// <summary>Kernel starts: WebSockets that took over 10 s to open, in milliseconds.</summary>
    public List<double> SlowConnects { get; } = [];

    /// <summary>Kernel starts: kernel_info_requests re-sent because no reply and idle status came within 10 s.</summary>
    public int KernelInfoResends { get; set; }

    /// <summary>Kernel starts: the concurrent DELETEs of all of them.</summary>
    public List<double> AllDeleted { get; } = [];

    public List<double> Legacy { get; } = [];

    public List<double> V1 { get; } = [];

    /// <summary>The same kernel (the one the server started) driven directly over ZeroMQ by Quire's client.</summary>
    public List<double> ZeroMq { get; } = [];

    /// <summary>The protocol the server chose when the client offered v1 (null: the legacy protocol).</summary>
    public string? V1Answer { get; set; } = ChannelsSocket.V1Protocol;

    public long PeakResidentBytes { get; set; }

    public static List<double> For(Dictionary<string, List<double>> table, string name)
    {
        if (!table.TryGetValue(name, out var list))
        {
            table[name] = list = [];
        }

        return list;
    }
}
