using System.Text;
using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Monitoring;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// A kernel's sockets: ROUTERs for shell, control and stdin, a PUB for iopub, and a heartbeat that echoes on the
/// connection's thread without involving the kernel's code.
/// </summary>
/// <remarks>
/// The heartbeat is a ROUTER that sends every message back whole, as ipykernel's is: it answers REQ and DEALER clients
/// alike and, unlike a REP, has no state to get stuck in when a client goes away mid-ping.
/// NetMQ closes a listener on its own I/O thread some time after the socket is disposed. Disposal unbinds each
/// socket and waits for the listener's <c>Closed</c> event, so that a restarted kernel can bind the same ports at once.
/// </remarks>
internal sealed class ZeroMqKernelChannels : ZeroMqConnection, IKernelChannels
{
    private readonly List<(NetMQSocket Socket, string Endpoint)> _bound = [];
    private readonly List<NetMQMonitor> _monitors = [];
    private int _closed;
    private bool _stopping;

    private ZeroMqKernelChannels(ConnectionInfo connection, ZeroMqTransportOptions options, ILogger logger)
        : base("kernel", connection, options, logger)
    {
    }

    public static ZeroMqKernelChannels Bind(ConnectionInfo connection, ZeroMqTransportOptions options, ILogger logger)
    {
        var channels = new ZeroMqKernelChannels(connection, options, logger);
        channels.Start();
        return channels;
    }

    protected override void Open()
    {
        Bind(KernelChannel.Shell, new RouterSocket(), receives: true);
        Bind(KernelChannel.Control, new RouterSocket(), receives: true);
        // input_request is sent to a client that may not have finished connecting its stdin (see Unroutable).
        var stdin = new RouterSocket();
        stdin.Options.RouterMandatory = true;
        Bind(KernelChannel.Stdin, stdin, receives: true);
        Bind(KernelChannel.IOPub, new PublisherSocket(), receives: false);
        Bind(KernelChannel.Heartbeat, new RouterSocket(), receives: true);
        LogOpened("kernel");
    }

    protected override bool CanSend(KernelChannel channel) => true;

    /// <summary>
    /// Gives iopub messages a topic frame, <c>kernel.&lt;session&gt;.&lt;msg_type&gt;</c> as ipykernel's; clients
    /// subscribe to everything and ignore it.
    /// </summary>
    protected override JupyterMessage Address(KernelChannel channel, JupyterMessage message) =>
        channel == KernelChannel.IOPub && message.Identities.Count == 0
            ? message.WithIdentities([Encoding.UTF8.GetBytes($"kernel.{message.Header.Session}.{message.MsgType}")])
            : message;

    protected override void OnHeartbeat(NetMQSocket socket)
    {
        var msg = default(Msg);
        msg.InitEmpty();
        try
        {
            for (var n = 0; n < Options.ReceiveBatch && socket.TryReceive(ref msg, TimeSpan.Zero); n++)
            {
                // The frame goes back as it came, identity first; a ROUTER drops what it cannot route rather than wait.
                if (!socket.TrySend(ref msg, TimeSpan.Zero, msg.HasMore))
                {
                    msg.Close();
                }

                msg.InitEmpty();
            }
        }
        finally
        {
            msg.Close();
        }
    }

    protected override bool BeginStop()
    {
        _stopping = true;
        foreach (var (socket, endpoint) in _bound)
        {
            socket.Unbind(endpoint);
        }

        return _closed >= _bound.Count;
    }

    protected override void OnClosing()
    {
        foreach (var monitor in _monitors)
        {
            monitor.Dispose();
        }
    }

    private void Bind(KernelChannel channel, NetMQSocket socket, bool receives)
    {
        var endpoint = Connection.Endpoint(channel);
        AddSocket(channel, socket, receives);
        var monitor = new NetMQMonitor(socket, $"inproc://quire-listener-{Guid.NewGuid():N}", SocketEvents.Closed);
        _monitors.Add(monitor);
        monitor.Closed += (_, _) =>
        {
            if (++_closed >= _bound.Count && _stopping)
            {
                FinishStop();
            }
        };
        monitor.AttachToPoller(Poller);
        socket.Bind(endpoint);
        _bound.Add((socket, endpoint));
    }
}
