using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// What the hub does with each message from the kernel: iopub to every socket (rate limited) and every waiting
/// session, replies to the one client that asked.
/// </summary>
internal sealed partial class KernelChannelsHub
{
    private async Task ReceiveLoopAsync(KernelChannel channel, CancellationToken cancellationToken)
    {
        var reader = _channels.Reader(channel);
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    try
                    {
                        if (channel == KernelChannel.IOPub)
                        {
                            OnIOPub(message);
                        }
                        else
                        {
                            OnReply(channel, message);
                        }
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
                    {
                        // One message that cannot be handled must not stop the channel for every client.
                        LogDispatchFailed(_logger, _kernel.Id, channel, message.MsgType, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void OnIOPub(JupyterMessage message)
    {
        var state = message.MsgType == MessageTypes.Status ? JsonScan.TopLevelString(message.ContentJson.Span, "execution_state"u8) : null;
        NudgeSawIOPub();
        _kernel.OnIOPub(message, state);
        _outputs.OnIOPub(message);
        Broadcast(new OutboundMessage(ChannelNames.IOPub, message, state), rateLimited: true);
    }

    private void OnReply(KernelChannel channel, JupyterMessage message)
    {
        var parent = message.ParentMsgId;
        if (parent is not null && channel != KernelChannel.Stdin && IsNudgeReply(parent))
        {
            return;
        }

        string? session = null;
        if (parent is not null)
        {
            // A kernel asks for input while the request is still running; the request's reply ends the route.
            var found = channel == KernelChannel.Stdin ? _requests.TryGetValue(parent, out session) : _requests.TryRemove(parent, out session);
            session = found ? session : null;
        }

        session ??= message.ParentHeader?.Session;
        if (session is null)
        {
            LogUnrouted(_logger, _kernel.Id, channel, message.MsgType);
            return;
        }

        var outbound = new OutboundMessage(ChannelNames.Of(channel), message);
        KernelSocket? socket;
        lock (_lock)
        {
            socket = Array.Find(_sockets, s => s.SessionKey == session);
            if (socket is null)
            {
                if (_offline.TryGetValue(session, out var buffer))
                {
                    buffer.Add(outbound);
                }
                else
                {
                    LogUnrouted(_logger, _kernel.Id, channel, message.MsgType);
                }

                return;
            }
        }

        // Sent outside the lock (a send may run on this thread); a socket closing meanwhile leaves it to its buffer.
        if (!socket.Send(outbound))
        {
            KeepForAbsent(session, outbound);
        }
    }

    private void Broadcast(OutboundMessage message, bool rateLimited)
    {
        KernelSocket[] sockets;
        lock (_lock)
        {
            sockets = _sockets;
            foreach (var buffer in _offline.Values)
            {
                buffer.Add(message);
            }
        }

        foreach (var socket in sockets)
        {
            if (rateLimited && socket.RateLimiter is { } limiter && !limiter.Admit(message, out var notice))
            {
                if (notice is not null)
                {
                    LogRateLimited(_logger, _kernel.Id, socket.SessionKey);
                    socket.Send(Stderr(message.Message.ParentHeader, notice));
                }

                continue;
            }

            if (!socket.Send(message))
            {
                KeepForAbsent(socket.SessionKey, message);
            }
        }
    }

    // A socket that closed after the message was routed to it: its session's buffer (created as it detached) gets it.
    private void KeepForAbsent(string session, OutboundMessage message)
    {
        lock (_lock)
        {
            if (_offline.TryGetValue(session, out var buffer))
            {
                buffer.Add(message);
            }
        }
    }

    private OutboundMessage Stderr(MessageHeader? parent, string text)
    {
        var content = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Messaging.Protocol.Content.StreamOutput { Name = "stderr", Text = text }, MessagingJsonContext.Default.StreamOutput);
        return new OutboundMessage(ChannelNames.IOPub, new JupyterMessage(Session.NewHeader(MessageTypes.Stream), parent, default, content));
    }
}
