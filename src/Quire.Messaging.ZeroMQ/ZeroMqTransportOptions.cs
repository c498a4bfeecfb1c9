namespace Quire.Messaging.ZeroMQ;

/// <summary>Socket and safety settings for <see cref="ZeroMqTransport"/> connections.</summary>
public sealed record ZeroMqTransportOptions
{
    /// <summary>
    /// ZeroMQ's queue limit (messages) per receiving pipe; ZeroMQ's default. At it a socket stops reading from the
    /// connection, which pushes back on the peer: a kernel's PUB then drops at its own send limit, a DEALER waits. A
    /// larger limit moves a fast peer's backlog into this process, as garbage the collector must trace and move.
    /// </summary>
    public int ReceiveHighWatermark { get; init; } = 1000;

    /// <summary>ZeroMQ's queue limit (messages) per sending pipe; past it a send waits on the connection's thread.</summary>
    public int SendHighWatermark { get; init; } = 1000;

    /// <summary>How long closing a socket waits to flush; zero so that disposing a dead kernel's connection never hangs.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The largest message accepted, in bytes over all frames; <c>null</c> for no limit. A message over it is dropped
    /// and counted as rejected without being copied. ZeroMQ also gets it as the per-frame limit, so a single frame
    /// over it is refused before its buffer is allocated (ZeroMQ then drops that connection and the peer reconnects).
    /// </summary>
    public long? MaxMessageSize { get; init; }

    /// <summary>How many recent signatures each connection remembers to refuse replays (jupyter_client keeps 2^16).</summary>
    public int ReplayHistory { get; init; } = 1 << 16;

    /// <summary>Measures heartbeat timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many messages one socket may deliver before the connection's thread serves the others.</summary>
    internal int ReceiveBatch { get; init; } = 256;
}
