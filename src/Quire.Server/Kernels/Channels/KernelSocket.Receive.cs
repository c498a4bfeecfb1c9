using System.Net.WebSockets;

namespace Quire.Server.Kernels.Channels;

/// <summary>The receiving half: whole messages out of WebSocket frames, within the size limit.</summary>
internal sealed partial class KernelSocket
{
    /// <summary>
    /// Receives until the client closes (or a close handshake this side started completes). Each whole message goes
    /// to <paramref name="onMessage"/> as a buffer of its own; a bad message or one over the size limit closes the
    /// connection with a reason.
    /// </summary>
    public async Task RunReceiveLoopAsync(Func<KernelSocket, ReadOnlyMemory<byte>, WebSocketMessageType, ValueTask> onMessage, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _receiveStop.Token);
        var chunk = new byte[ReceiveChunk];
        try
        {
            while (true)
            {
                var (message, type) = await ReceiveMessageAsync(chunk, linked.Token).ConfigureAwait(false);
                if (message is null)
                {
                    return;
                }

                try
                {
                    await onMessage(this, message, type).ConfigureAwait(false);
                }
                catch (BadFrameException ex)
                {
                    LogBadFrame(_logger, SessionKey, ex.Message);
                    RequestClose(WebSocketCloseStatus.InvalidPayloadData, "invalid kernel message: " + ex.Message);
                    await DrainUntilClosedAsync(chunk, linked.Token).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed under us (the client vanished, or the close handshake timed out): nothing more to read.
        }
    }

    // One whole message in a buffer of its exact size (it travels on to the kernel by reference), or null when closed.
    private async Task<(byte[]? Message, WebSocketMessageType Type)> ReceiveMessageAsync(byte[] chunk, CancellationToken cancellationToken)
    {
        var first = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
        if (first.MessageType == WebSocketMessageType.Close)
        {
            return (null, first.MessageType);
        }

        if (first.EndOfMessage)
        {
            return (chunk.AsSpan(0, first.Count).ToArray(), first.MessageType);
        }

        // Only what the client actually sends is allocated, and never past the limit.
        using var assembled = new MemoryStream();
        assembled.Write(chunk, 0, first.Count);
        while (true)
        {
            var next = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (next.MessageType == WebSocketMessageType.Close)
            {
                return (null, next.MessageType);
            }

            if (assembled.Length + next.Count > _options.MaxWebSocketMessageSize)
            {
                LogTooLarge(_logger, SessionKey, _options.MaxWebSocketMessageSize);
                RequestClose(WebSocketCloseStatus.MessageTooBig, $"kernel messages are limited to {_options.MaxWebSocketMessageSize} bytes");
                await DrainUntilClosedAsync(chunk, cancellationToken).ConfigureAwait(false);
                return (null, WebSocketMessageType.Close);
            }

            assembled.Write(chunk, 0, next.Count);
            if (next.EndOfMessage)
            {
                return (assembled.ToArray(), first.MessageType);
            }
        }
    }

    // After asking to close, read (and discard) until the client's close frame or the handshake timeout.
    private async Task DrainUntilClosedAsync(byte[] chunk, CancellationToken cancellationToken)
    {
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}
