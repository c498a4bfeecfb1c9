using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;
using Quire.Server.Http;
using Quire.Server.Metrics;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// <c>GET /api/kernels/{id}/channels?session_id=…</c>: the kernel WebSocket. The v1 binary protocol is chosen when the
/// client offers it, else the legacy JSON protocol (jupyter_server's <c>select_subprotocol</c>).
/// </summary>
internal static partial class KernelChannelsEndpoint
{
    public const string V1Protocol = "v1.kernel.websocket.jupyter.org";

    /// <summary>jupyter_server's WebSocket ping interval; a client silent for three of them is gone.</summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    public static async Task ConnectAsync(
        HttpContext context, string kernelId, KernelRegistry registry, KernelsOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var kernel = registry.Get(kernelId);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ApiException.BadRequest("Can \"Upgrade\" only to \"WebSocket\".");
        }

        var logger = loggerFactory.CreateLogger("Quire.Server.Kernels.Channels.KernelWebSocket");
        var protocol = context.WebSockets.WebSocketRequestedProtocols.Contains(V1Protocol) ? KernelWebSocketProtocol.V1 : KernelWebSocketProtocol.Legacy;
        var sessionKey = context.Request.Query["session_id"].ToString();
        if (sessionKey.Length == 0)
        {
            // As jupyter_server: a client without a session id gets one of its own, and so no replay.
            LogNoSessionId(logger, kernelId);
            sessionKey = Guid.NewGuid().ToString();
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = protocol == KernelWebSocketProtocol.V1 ? V1Protocol : null,
            KeepAliveInterval = PingInterval,
            KeepAliveTimeout = 3 * PingInterval,
        }).ConfigureAwait(false);

        using var socket = new KernelSocket(webSocket, sessionKey, protocol, options, time, logger);
        var metrics = context.RequestServices.GetService(typeof(ServerMetrics)) as ServerMetrics;
        var hub = kernel.Hub;
        try
        {
            hub.Attach(socket);
        }
        catch (ObjectDisposedException)
        {
            socket.RequestClose(WebSocketCloseStatus.NormalClosure, "the kernel was shut down");
            await socket.StopSendingAsync(socket.RunSendLoopAsync(context.RequestAborted)).ConfigureAwait(false);
            return;
        }

        metrics?.WebSocketOpened();
        LogConnected(logger, kernelId, sessionKey, protocol);
        var sending = socket.RunSendLoopAsync(context.RequestAborted);
        try
        {
            await socket.RunReceiveLoopAsync(
                (s, data, type) => OnMessageAsync(hub, s, data, type, options, logger, context.RequestAborted),
                context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            // Detached before the close is answered: a client that sees its close acknowledged is no longer counted.
            await socket.StopSendingAsync(sending).ConfigureAwait(false);
            hub.Detach(socket);
            await socket.AnswerCloseAsync().ConfigureAwait(false);
            metrics?.WebSocketClosed();
            LogDisconnected(logger, kernelId, sessionKey);
        }
    }

    private static ValueTask OnMessageAsync(
        KernelChannelsHub hub,
        KernelSocket socket,
        ReadOnlyMemory<byte> data,
        WebSocketMessageType type,
        KernelsOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var frame = socket.Protocol switch
        {
            KernelWebSocketProtocol.V1 when type == WebSocketMessageType.Binary => V1Frames.Decode(data, options.MaxMessageBuffers),
            KernelWebSocketProtocol.V1 => throw new BadFrameException($"the {V1Protocol} protocol carries binary frames only"),
            _ when type == WebSocketMessageType.Text => LegacyFrames.DecodeText(data),
            _ => LegacyFrames.DecodeBinary(data, options.MaxMessageBuffers),
        };

        var channelName = frame.Channel ?? ChannelNames.Shell;
        if (ChannelNames.Sendable(channelName) is not { } channel)
        {
            // jupyter_server warns and drops such a message; the connection goes on.
            LogNoSuchChannel(logger, channelName);
            return ValueTask.CompletedTask;
        }

        JupyterMessage message = IncomingMessages.ToMessage(frame);
        return hub.SendFromClientAsync(socket, channel, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: WebSocket without session_id; it gets one of its own")]
    private static partial void LogNoSessionId(ILogger logger, string kernelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId}: WebSocket connected (session {Session}, {Protocol} protocol)")]
    private static partial void LogConnected(ILogger logger, string kernelId, string session, KernelWebSocketProtocol protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId}: WebSocket of session {Session} closed")]
    private static partial void LogDisconnected(ILogger logger, string kernelId, string session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A client sent a message on channel '{Channel}', which it cannot send on; ignored")]
    private static partial void LogNoSuchChannel(ILogger logger, string channel);
}
