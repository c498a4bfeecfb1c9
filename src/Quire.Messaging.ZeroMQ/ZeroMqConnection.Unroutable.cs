using NetMQ;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// Messages a ROUTER could not route yet. A client's sockets connect one by one, and a ROUTER learns a peer's identity
/// only when that peer's handshake completes: a kernel that asks for input right after an execute_request arrived on
/// shell can find the same client's stdin not yet known, and a plain ROUTER would drop the input_request without a
/// word (the cell then waits forever). Sockets that set <c>RouterMandatory</c> refuse instead; the message waits here,
/// retried every few milliseconds, until the peer is known or a deadline passes.
/// </summary>
internal abstract partial class ZeroMqConnection
{
    private static readonly TimeSpan UnroutableRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan UnroutableDeadline = TimeSpan.FromSeconds(5);

    private readonly List<(KernelChannel Channel, ReadOnlyMemory<byte>[] Frames, long Deadline)> _unroutable = [];
    private NetMQTimer? _unroutableTimer;

    /// <summary>Sends, or parks the message when its peer is not known yet; false when the socket has no room.</summary>
    private int TrySendRoutable(KernelChannel channel, NetMQSocket socket, ReadOnlyMemory<byte>[] frames)
    {
        try
        {
            return FrameIO.TrySend(socket, frames);
        }
        catch (HostUnreachableException)
        {
            Park(channel, frames);
            return frames.Length;
        }
    }

    private void Park(KernelChannel channel, ReadOnlyMemory<byte>[] frames)
    {
        _unroutable.Add((channel, frames, Environment.TickCount64 + (long)UnroutableDeadline.TotalMilliseconds));
        if (_unroutableTimer is null)
        {
            _unroutableTimer = new NetMQTimer(UnroutableRetry);
            _unroutableTimer.Elapsed += (_, _) => RetryUnroutable();
            Poller.Add(_unroutableTimer);
        }

        _unroutableTimer.Enable = true;
    }

    private void RetryUnroutable()
    {
        var now = Environment.TickCount64;
        for (var i = 0; i < _unroutable.Count;)
        {
            var (channel, frames, deadline) = _unroutable[i];
            var socket = _sockets[(int)channel];
            bool done;
            try
            {
                // A socket with no room keeps the message here for the next tick, as an unknown peer does.
                done = socket is null || FrameIO.TrySend(socket, frames) > 0;
            }
            catch (HostUnreachableException)
            {
                done = now >= deadline;
                if (done)
                {
                    ZeroMqLog.SendFailed(Logger, channel, $"no peer with that identity connected within {UnroutableDeadline.TotalSeconds:0} s");
                }
            }

            if (done)
            {
                _unroutable.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        if (_unroutable.Count == 0)
        {
            _unroutableTimer!.Enable = false;
        }
    }
}
