using System.Collections.Concurrent;
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
/// A client's sockets: DEALERs for shell and control, a DEALER for stdin with the shell's routing identity (the kernel
/// sends <c>input_request</c> to whoever made the request), a SUB for iopub subscribed to everything, and a heartbeat.
/// </summary>
/// <remarks>
/// The heartbeat is a DEALER that sends an empty delimiter before the ping, so a REP or ROUTER kernel echoes it as
/// it would a REQ's. Unlike a REQ it never gets stuck after a lost reply (jupyter_client recreates its REQ for that):
/// each ping carries its own id, and a late echo of an abandoned ping is ignored.
/// </remarks>
internal sealed class ZeroMqClientChannels : ZeroMqConnection, IClientChannels
{
    private const int PingIdLength = 16;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<bool>> _pings = new();
    private readonly List<NetMQMonitor> _monitors = [];
    private readonly List<Task> _connected = [];

    private ZeroMqClientChannels(ConnectionInfo connection, ZeroMqTransportOptions options, ILogger logger)
        : base("client", connection, options, logger)
    {
    }

    public static ZeroMqClientChannels Connect(ConnectionInfo connection, ZeroMqTransportOptions options, ILogger logger)
    {
        var channels = new ZeroMqClientChannels(connection, options, logger);
        channels.Start();
        return channels;
    }

    public async Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var id = Guid.NewGuid();
        var echo = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = echo;
        try
        {
            Enqueue(new Outgoing(KernelChannel.Heartbeat, [ReadOnlyMemory<byte>.Empty, id.ToByteArray()]));
            return await echo.Task.WaitAsync(timeout, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Pings queued while the kernel was away would go out first when it comes back and push a fresh ping past
            // the socket's room: start over with an empty socket, as jupyter_client's HBChannel does.
            if (!IsDisposed)
            {
                Enqueue(new Outgoing(KernelChannel.Heartbeat, [], OutgoingKind.ResetHeartbeat));
            }

            return false;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    public async Task<bool> WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Task all;
        lock (_connected)
        {
            all = Task.WhenAll(_connected);
        }

        try
        {
            await all.WaitAsync(timeout, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    protected override void Open()
    {
        // jupyter_client also gives shell and stdin one identity; ZeroMQ reserves identities starting with a zero byte.
        var identity = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        Connect(KernelChannel.Shell, new DealerSocket(), identity);
        Connect(KernelChannel.Stdin, new DealerSocket(), identity);
        Connect(KernelChannel.Control, new DealerSocket(), null);
        var iopub = AddSocket(KernelChannel.IOPub, new SubscriberSocket(), receives: true);
        iopub.SubscribeToAnyTopic();
        iopub.Connect(Endpoint(KernelChannel.IOPub));
        AddSocket(KernelChannel.Heartbeat, new DealerSocket(), receives: true).Connect(Endpoint(KernelChannel.Heartbeat));
        LogOpened("client");
    }

    protected override void ResetHeartbeat()
    {
        var heartbeat = new DealerSocket();
        ReplaceSocket(KernelChannel.Heartbeat, heartbeat, receives: true);
        heartbeat.Connect(Endpoint(KernelChannel.Heartbeat));
    }

    protected override bool CanSend(KernelChannel channel) => channel != KernelChannel.IOPub;

    protected override void OnHeartbeat(NetMQSocket socket)
    {
        var msg = default(Msg);
        msg.InitEmpty();
        try
        {
            while (socket.TryReceive(ref msg, TimeSpan.Zero))
            {
                if (!msg.HasMore && msg.Size == PingIdLength && _pings.TryRemove(new Guid(msg.Slice()), out var echo))
                {
                    echo.TrySetResult(true);
                }
            }
        }
        finally
        {
            msg.Close();
        }
    }

    protected override void OnClosing()
    {
        foreach (var monitor in _monitors)
        {
            monitor.Dispose();
        }
    }

    protected override void OnStopped()
    {
        foreach (var echo in _pings.Values)
        {
            echo.TrySetResult(false);
        }
    }

    private void Connect(KernelChannel channel, DealerSocket socket, byte[]? identity)
    {
        if (identity is not null)
        {
            socket.Options.Identity = identity;
        }

        AddSocket(channel, socket, receives: true);

        // Watched before connecting, so that a quick connection is not missed.
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var monitor = new NetMQMonitor(socket, $"inproc://quire-client-{Guid.NewGuid():N}", SocketEvents.Connected);
        monitor.Connected += (_, _) => connected.TrySetResult();
        monitor.AttachToPoller(Poller);
        _monitors.Add(monitor);
        lock (_connected)
        {
            _connected.Add(connected.Task);
        }

        socket.Connect(Endpoint(channel));
    }

    private string Endpoint(KernelChannel channel) => Connection.Endpoint(channel);
}
