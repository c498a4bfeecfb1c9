namespace Quire.Server.Kernels.Channels;

/// <summary>The two kernel WebSocket protocols of jupyter_server's <c>websocket-protocols.rst</c>.</summary>
internal enum KernelWebSocketProtocol
{
    /// <summary>JSON text frames; binary frames with big-endian 32-bit offsets when a message has buffers.</summary>
    Legacy,

    /// <summary><c>v1.kernel.websocket.jupyter.org</c>: binary frames with little-endian 64-bit offsets, parts kept raw.</summary>
    V1,
}
