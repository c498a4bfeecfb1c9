using System.Threading.Channels;
using NetMQ;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ;

/// <summary>The sockets' set-up and replacement, and the end of the poller loop; all on the connection's thread.</summary>
internal abstract partial class ZeroMqConnection
{
    /// <summary>Configures and registers a socket; <paramref name="receives"/> gives its channel an inbox.</summary>
    protected T AddSocket<T>(KernelChannel channel, T socket, bool receives)
        where T : NetMQSocket
    {
        socket.Options.Linger = Options.Linger;
        socket.Options.ReceiveHighWatermark = Options.ReceiveHighWatermark;
        socket.Options.SendHighWatermark = Options.SendHighWatermark;
        if (Options.MaxMessageSize is { } max)
        {
            socket.Options.MaxMsgSize = max;
        }

        _sockets[(int)channel] = socket;
        if (channel == KernelChannel.Heartbeat)
        {
            socket.ReceiveReady += (_, e) => Guard(channel, () => OnHeartbeat(e.Socket));
        }
        else if (receives)
        {
            _inboxes[(int)channel] = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleWriter = true });
            socket.ReceiveReady += (_, e) => Guard(channel, () => Receive(channel, e.Socket));
        }

        _poller.Add(socket);
        return socket;
    }

    /// <summary>Ends the poller loop; the thread then closes the sockets. Call on the connection's thread.</summary>
    protected void FinishStop()
    {
        if (_poller.IsRunning)
        {
            // Inside the poller's own thread Stop only flags the loop.
            _poller.Stop();
        }
    }

    /// <summary>Closes a channel's socket and puts <paramref name="replacement"/> in its place. Call on the connection's thread.</summary>
    protected void ReplaceSocket<T>(KernelChannel channel, T replacement, bool receives)
        where T : NetMQSocket
    {
        if (_sockets[(int)channel] is { } old)
        {
            _poller.Remove(old);
            old.Dispose();
        }

        AddSocket(channel, replacement, receives);
    }
}
