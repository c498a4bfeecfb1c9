using NetMQ;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;

namespace Quire.Messaging.ZeroMQ;

/// <summary>The connection thread's work: delivering received messages and sending queued ones.</summary>
internal abstract partial class ZeroMqConnection
{
    /// <summary>The longest disposal waits for listeners to close before closing everything regardless.</summary>
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(2);

    private void Receive(KernelChannel channel, NetMQSocket socket)
    {
        var decoded = _decoded;
        try
        {
            for (var n = 0; n < Options.ReceiveBatch; n++)
            {
                switch (FrameIO.TryReceive(socket, _frames, _maxMessageSize))
                {
                    case FrameIO.Received.Nothing:
                        return;
                    case FrameIO.Received.TooLarge:
                        Reject(channel, "TooLarge", $"more than {_maxMessageSize} bytes");
                        continue;
                }

                try
                {
                    decoded.Add(_codec.Decode(_frames));
                }
                catch (MessageRejectedException ex)
                {
                    Reject(channel, ex.Reason.ToString(), ex.Message);
                }
            }
        }
        finally
        {
            // Handed over together once the socket is drained (or the batch is full): a reader waiting on the inbox is
            // woken once per burst rather than for every message of it. A lone reply goes at once, as before.
            var writer = _inboxes[(int)channel]!.Writer;
            foreach (var message in decoded)
            {
                writer.TryWrite(message);
            }

            decoded.Clear();
        }
    }

    private void BeginStopping()
    {
        if (BeginStop())
        {
            FinishStop();
            return;
        }

        var deadline = new NetMQTimer(StopDeadline);
        deadline.Elapsed += (_, _) => FinishStop();
        _poller.Add(deadline);
    }

    private void Reject(KernelChannel channel, string reason, string detail)
    {
        Interlocked.Increment(ref _rejected);
        ZeroMqLog.MessageRejected(Logger, channel, reason, detail);
    }

    private void DrainOutbox()
    {
        for (var n = 0; n < Options.ReceiveBatch && _outbox.TryDequeue(out var item, TimeSpan.Zero); n++)
        {
            switch (item.Kind)
            {
                case OutgoingKind.Stop:
                    BeginStopping();
                    return;
                case OutgoingKind.ResetHeartbeat:
                    ResetHeartbeat();
                    continue;
            }

            if (_sockets[(int)item.Channel] is not { } socket)
            {
                continue;
            }

            if (item.Channel == KernelChannel.Heartbeat)
            {
                // A ping that cannot go now is simply lost: its caller times out, as it would with no kernel.
                FrameIO.TrySend(socket, item.Frames);
                continue;
            }

            var pending = _pending[(int)item.Channel];
            if (pending is { Count: > 0 })
            {
                pending.Enqueue(item.Frames);
            }
            else
            {
                Send(item.Channel, socket, item.Frames);
            }
        }
    }

    /// <summary>Sends, or parks the message until the socket can take it: a waiting send would stall every channel.</summary>
    private void Send(KernelChannel channel, NetMQSocket socket, ReadOnlyMemory<byte>[] frames)
    {
        var sent = TrySendRoutable(channel, socket, frames);
        if (sent == frames.Length)
        {
            return;
        }

        if (sent > 0)
        {
            ZeroMqLog.SendFailed(Logger, channel, $"socket refused frame {sent} of {frames.Length}");
            return;
        }

        if (_pending[(int)channel] is not { } pending)
        {
            pending = _pending[(int)channel] = new Queue<ReadOnlyMemory<byte>[]>();
        }

        pending.Enqueue(frames);
        if (pending.Count == 1)
        {
            socket.SendReady += OnSendReady;
        }
    }

    private void OnSendReady(object? sender, NetMQSocketEventArgs e)
    {
        var channel = (KernelChannel)Array.IndexOf(_sockets, e.Socket);
        var pending = _pending[(int)channel]!;
        while (pending.TryPeek(out var frames))
        {
            var sent = TrySendRoutable(channel, e.Socket, frames);
            if (sent == 0)
            {
                return;
            }

            if (sent < frames.Length)
            {
                ZeroMqLog.SendFailed(Logger, channel, $"socket refused frame {sent} of {frames.Length}");
            }

            pending.Dequeue();
        }

        // A socket with room is always ready to send: listening on while idle would spin the poller.
        e.Socket.SendReady -= OnSendReady;
    }
}
