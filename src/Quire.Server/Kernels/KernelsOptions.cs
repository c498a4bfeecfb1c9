using Quire.Kernels.Management;

namespace Quire.Server.Kernels;

/// <summary>
/// Settings of the kernels service. Names in brackets are jupyter_server's (MappingKernelManager, ServerApp or
/// ZMQChannelsWebsocketConnection), with the same meaning and defaults unless the remark says otherwise. Register an
/// instance as a service to change them; <see cref="KernelsOptionsValidator"/> checks them at start.
/// </summary>
public sealed record KernelsOptions
{
    /// <summary>Kernels idle this long are shut down; zero turns culling off [cull_idle_timeout].</summary>
    public TimeSpan CullIdleTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>How often kernels are checked for idleness [cull_interval].</summary>
    public TimeSpan CullInterval { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Whether kernels with open WebSockets may be culled [cull_connected].</summary>
    public bool CullConnected { get; init; }

    /// <summary>Whether busy kernels may be culled [cull_busy].</summary>
    public bool CullBusy { get; init; }

    /// <summary>Whether messages for a client session without a WebSocket are kept for its return [buffer_offline_messages].</summary>
    public bool BufferOfflineMessages { get; init; } = true;

    /// <summary>The most messages kept per absent client session (jupyter_server keeps everything); the oldest iopub go first.</summary>
    public int OfflineBufferMaxMessages { get; init; } = 10_000;

    /// <summary>The most bytes kept per absent client session.</summary>
    public long OfflineBufferMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How many absent client sessions per kernel are kept at once; the longest absent is given up first.</summary>
    public int OfflineBufferMaxSessions { get; init; } = 8;

    /// <summary>Whether iopub is rate limited per WebSocket [limit_rate].</summary>
    public bool LimitRate { get; init; } = true;

    /// <summary>iopub messages per second past which output is withheld; zero for no limit [iopub_msg_rate_limit].</summary>
    public double IOPubMsgRateLimit { get; init; } = 1000;

    /// <summary>Stream bytes per second past which output is withheld; zero for no limit [iopub_data_rate_limit].</summary>
    public double IOPubDataRateLimit { get; init; } = 1_000_000;

    /// <summary>The window the rates are measured over [rate_limit_window].</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait for a kernel to answer <c>kernel_info_request</c> on start and restart [kernel_info_timeout].</summary>
    public TimeSpan KernelInfoTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When non-empty, the only message types clients may send [allowed_message_types].</summary>
    public IReadOnlySet<string>? AllowedMessageTypes { get; init; }

    /// <summary>
    /// The largest message a client may send over a WebSocket, in bytes (Tornado's <c>websocket_max_message_size</c> is
    /// 10 MiB; widgets and file uploads need more).
    /// </summary>
    public long MaxWebSocketMessageSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>The most buffers one WebSocket message may carry.</summary>
    public int MaxMessageBuffers { get; init; } = 256;

    /// <summary>A WebSocket whose client lets more than this many bytes pile up unsent is closed.</summary>
    public long MaxQueuedBytesPerSocket { get; init; } = 256L * 1024 * 1024;

    /// <summary>Whether outputs of notebook cells are recorded on the server, so that they survive a closed browser.</summary>
    public bool RecordNotebookOutputs { get; init; } = true;

    /// <summary>The most output bytes recorded per notebook; past it a cell's further output is not kept.</summary>
    public long RecordedOutputsMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Variables set for every kernel the server starts, over the server's own environment.</summary>
    public IReadOnlyDictionary<string, string>? KernelEnvironment { get; init; }

    /// <summary>Start timeout, restart policy and heartbeat of each kernel's manager.</summary>
    public KernelManagerOptions KernelManager { get; init; } = new();

    /// <summary>Whether the kernels still running are shut down when the server stops (jupyter_server does).</summary>
    public bool ShutdownKernelsOnStop { get; init; } = true;
}
