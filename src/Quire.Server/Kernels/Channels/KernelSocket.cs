using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// One client WebSocket on a kernel. Messages for it queue in an outbox drained by its own send loop (a WebSocket
/// takes one send at a time, and one slow client must not hold up the kernel's other clients); its receive loop cuts
/// frames into messages and hands them to the hub.
/// </summary>
internal sealed partial class KernelSocket : IDisposable
{
    private const int ReceiveChunk = 16 * 1024;
    private const int MaxCloseReasonBytes = 123;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly KernelsOptions _options;
    private readonly ILogger _logger;
    // Synchronous continuations: an idle send loop wakes on the thread that queues the message and sends at once (a
    // Kestrel send normally completes synchronously), instead of waiting for a thread-pool thread; a send that has to
    // wait frees that thread at its first await.
    private readonly Channel<OutboundMessage> _outbox = Channel.CreateUnbounded<OutboundMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly CancellationTokenSource _receiveStop = new();
    private readonly CancellationTokenSource _sendStop = new();
    private readonly Lock _closeLock = new();
    private long _queuedBytes;
    private (WebSocketCloseStatus Status, string Reason)? _close;

    public KernelSocket(WebSocket socket, string sessionKey, KernelWebSocketProtocol protocol, KernelsOptions options, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _logger = logger;
        SessionKey = sessionKey;
        Protocol = protocol;
        RateLimiter = options.LimitRate ? new IOPubRateLimiter(options, time) : null;
    }

    /// <summary>The client's <c>session_id</c>: replies to its requests, and its offline buffer, go by this key.</summary>
    public string SessionKey { get; }

    public KernelWebSocketProtocol Protocol { get; }

    /// <summary>Null when rate limiting is off.</summary>
    public IOPubRateLimiter? RateLimiter { get; }

    /// <summary>
    /// Queues a message; false when the socket takes no more (it is closing). A client that lets too much pile up is
    /// disconnected rather than allowed to exhaust memory.
    /// </summary>
    public bool Send(OutboundMessage message)
    {
        var queued = Interlocked.Add(ref _queuedBytes, message.PartsLength);
        if (queued > _options.MaxQueuedBytesPerSocket)
        {
            LogTooSlow(_logger, SessionKey, queued);
            RequestClose(WebSocketCloseStatus.PolicyViolation, "the client did not keep up with the kernel's output");
            return false;
        }

        if (_outbox.Writer.TryWrite(message))
        {
            return true;
        }

        Interlocked.Add(ref _queuedBytes, -message.PartsLength);
        return false;
    }

    /// <summary>Ends the connection after what is already queued: the send loop sends the close frame.</summary>
    public void RequestClose(WebSocketCloseStatus status, string reason)
    {
        lock (_closeLock)
        {
            _close ??= (status, Truncate(reason));
        }

        _outbox.Writer.TryComplete();
    }

    /// <summary>Sends queued messages until a close is requested (then sends the close frame) or sending is stopped.</summary>
    public async Task RunSendLoopAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _sendStop.Token);
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                while (reader.TryPeek(out var message))
                {
                    var (data, isText) = message.Frame(Protocol);
                    await _socket.SendAsync(data, isText ? WebSocketMessageType.Text : WebSocketMessageType.Binary, endOfMessage: true, linked.Token)
                        .ConfigureAwait(false);

                    // Taken off only once sent: what was not sent when the client went away is kept for its return.
                    reader.TryRead(out _);
                    Interlocked.Add(ref _queuedBytes, -message.PartsLength);
                }
            }

            (WebSocketCloseStatus Status, string Reason)? close;
            lock (_closeLock)
            {
                close = _close;
            }

            if (close is { } c && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(c.Status, c.Reason, linked.Token).ConfigureAwait(false);

                // The client answers a close with its own; one that never does must not keep the connection open.
                _receiveStop.CancelAfter(CloseHandshakeTimeout);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or sending was stopped because it did); the receive loop ends the connection.
            _receiveStop.Cancel();
        }
    }

    /// <summary>
    /// After the receive loop ended: stops sending (unless this side is closing and the close frame is still to go) and
    /// waits for the send loop, so that what was not sent can be taken with <see cref="TakeUnsent"/>.
    /// </summary>
    public async Task StopSendingAsync(Task sending)
    {
        bool closing;
        lock (_closeLock)
        {
            closing = _close is not null;
        }

        if (!closing)
        {
            await _sendStop.CancelAsync().ConfigureAwait(false);
        }

        await sending.ConfigureAwait(false);
    }

    /// <summary>
    /// Answers a close the client started, which completes the closing handshake, echoing the client's status code as
    /// RFC 6455 (5.5.1) suggests and tornado does: @jupyterlab/services reconnects after any close but 1000 and 1001,
    /// so answering 1000 to a client's 4000 would turn its planned reconnect into a final disconnect.
    /// </summary>
    public async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Gone before our answer; nothing is left to tell it.
        }
    }

    /// <summary>The messages queued but not sent (the client left first), in order; the outbox takes no more.</summary>
    public List<OutboundMessage> TakeUnsent()
    {
        _outbox.Writer.TryComplete();
        var unsent = new List<OutboundMessage>();
        while (_outbox.Reader.TryRead(out var message))
        {
            unsent.Add(message);
        }

        return unsent;
    }

    public void Dispose()
    {
        _receiveStop.Dispose();
        _sendStop.Dispose();
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, MaxCloseReasonBytes);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes - 3)
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel WebSocket (session {Session}) sent a bad message and is closed: {Problem}")]
    private static partial void LogBadFrame(ILogger logger, string session, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel WebSocket (session {Session}) sent a message over {Limit} bytes and is closed")]
    private static partial void LogTooLarge(ILogger logger, string session, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel WebSocket (session {Session}) has {Bytes} bytes waiting to be sent and is closed as too slow")]
    private static partial void LogTooSlow(ILogger logger, string session, long bytes);
}
