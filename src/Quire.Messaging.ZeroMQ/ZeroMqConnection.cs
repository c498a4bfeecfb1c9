using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NetMQ;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;
using Quire.Messaging.Wire;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// One connection's sockets, all owned by one dedicated thread running a <see cref="NetMQPoller"/>: NetMQ sockets are
/// not thread-safe, so callers never touch them. Sends are encoded and signed on the caller's thread and handed over
/// through a <see cref="NetMQQueue{T}"/>; received messages are decoded and verified on the connection's thread and
/// written to one unbounded <see cref="Channel{T}"/> per channel.
/// </summary>
/// <remarks>
/// The inboxes are unbounded on purpose: a bounded channel that waits would stall the one thread that also answers
/// heartbeats and serves every other channel, and one that drops would lose replies silently. ZeroMQ's watermarks
/// bound what waits in the sockets; what waits in the inboxes is bounded by how fast the consumer reads.
/// </remarks>
internal abstract partial class ZeroMqConnection : IMessageChannels
{
    private const int ChannelCount = 5;
    private readonly NetMQSocket?[] _sockets = new NetMQSocket?[ChannelCount];
    private readonly Channel<JupyterMessage>?[] _inboxes = new Channel<JupyterMessage>?[ChannelCount];
    private readonly Queue<ReadOnlyMemory<byte>[]>?[] _pending = new Queue<ReadOnlyMemory<byte>[]>?[ChannelCount];
    private readonly NetMQPoller _poller = [];
    private readonly NetMQQueue<Outgoing> _outbox = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WireCodec _codec;
    private readonly List<ReadOnlyMemory<byte>> _frames = [];
    private readonly List<JupyterMessage> _decoded = [];
    private readonly long _maxMessageSize;
    private readonly Thread _thread;
    private long _rejected;
    private int _disposed;

    protected ZeroMqConnection(string side, ConnectionInfo connection, ZeroMqTransportOptions options, ILogger logger)
    {
        Connection = connection;
        Options = options;
        Logger = logger;
        _codec = new WireCodec(MessageSigner.FromKey(connection.Key, connection.SignatureScheme), new ReplayGuard(options.ReplayHistory));
        _maxMessageSize = options.MaxMessageSize ?? long.MaxValue;
        _outbox.ReceiveReady += (_, _) => DrainOutbox();
        _poller.Add(_outbox);
        _thread = new Thread(Run) { IsBackground = true, Name = $"quire-zmq-{side}" };
    }

    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>The connection's own thread; tests check it has ended after disposal.</summary>
    internal Thread PollerThread => _thread;

    protected ConnectionInfo Connection { get; }

    protected ZeroMqTransportOptions Options { get; }

    protected ILogger Logger { get; }

    protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    protected NetMQPoller Poller => _poller;

    public ChannelReader<JupyterMessage> Reader(KernelChannel channel) =>
        _inboxes[(int)channel]?.Reader ?? throw new ArgumentException($"{channel} carries no messages on this side", nameof(channel));

    public ValueTask SendAsync(KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (channel == KernelChannel.Heartbeat || !CanSend(channel))
        {
            throw new ArgumentException($"cannot send messages on {channel} from this side", nameof(channel));
        }

        Enqueue(new Outgoing(channel, _codec.Encode(Address(channel, message))));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _outbox.Enqueue(new Outgoing(KernelChannel.Heartbeat, [], OutgoingKind.Stop));
        }

        await _stopped.Task.ConfigureAwait(false);
        _thread.Join();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the sockets and binds or connects them; runs on the caller's thread before the poller starts.</summary>
    protected abstract void Open();

    /// <summary>Whether this side sends on <paramref name="channel"/>.</summary>
    protected abstract bool CanSend(KernelChannel channel);

    /// <summary>The message as it goes out on <paramref name="channel"/> (the kernel adds the iopub topic).</summary>
    protected virtual JupyterMessage Address(KernelChannel channel, JupyterMessage message) => message;

    /// <summary>Handles the heartbeat socket's traffic on the connection's thread.</summary>
    protected abstract void OnHeartbeat(NetMQSocket socket);

    /// <summary>
    /// Runs on the connection's thread when disposal begins; false when the derived side needs time (a listener to
    /// close) and will call <see cref="FinishStop"/> itself. The deadline below stops the thread regardless.
    /// </summary>
    protected virtual bool BeginStop() => true;

    /// <summary>Runs on the connection's thread after the poller stops, before the sockets close.</summary>
    protected virtual void OnClosing()
    {
    }

    /// <summary>Recreates the heartbeat socket (see <see cref="OutgoingKind.ResetHeartbeat"/>).</summary>
    protected virtual void ResetHeartbeat()
    {
    }

    /// <summary>Runs on the connection's thread once its sockets are closed.</summary>
    protected virtual void OnStopped()
    {
    }

    protected void LogOpened(string side)
    {
        ZeroMqLog.Opened(Logger, side, Connection.Transport, Connection.Ip);
        if (Connection.Transport == "ipc")
        {
            ZeroMqLog.IpcEmulated(Logger, Connection.Endpoint(KernelChannel.Shell));
        }
    }

    protected void Enqueue(Outgoing outgoing) => _outbox.Enqueue(outgoing);

    /// <summary>Opens the sockets and starts the connection's thread; on failure closes whatever was opened.</summary>
    protected void Start()
    {
        try
        {
            Open();
        }
        catch
        {
            CloseSockets();
            throw;
        }

        _thread.Start();
    }

    private void Run()
    {
        try
        {
            _poller.Run();
        }
        finally
        {
            Guard(KernelChannel.Heartbeat, OnClosing);
            CloseSockets();
            foreach (var inbox in _inboxes)
            {
                inbox?.Writer.TryComplete();
            }

            OnStopped();
            _stopped.TrySetResult();
        }
    }

    private void CloseSockets()
    {
        _poller.Dispose();
        foreach (var socket in _sockets)
        {
            socket?.Dispose();
        }

        _outbox.Dispose();
    }

    private void Guard(KernelChannel channel, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An escaping exception would end the poller and with it every channel of the connection.
            ZeroMqLog.HandlerFailed(Logger, channel, ex);
        }
    }
}
