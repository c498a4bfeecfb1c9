using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;
using Quire.Server.Kernels.Outputs;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// The server's one ZeroMQ connection to a kernel, shared by all of its WebSockets and kept for the kernel's life
/// (a restart keeps the ports, and ZeroMQ reconnects by itself). Client messages go out re-signed with their metadata
/// and content untouched; replies go back only to the WebSocket whose request they answer (by the request's
/// <c>msg_id</c>, else by the client's session id), iopub goes to every WebSocket; whatever arrives for a client
/// session with no WebSocket is kept, bounded, until it reconnects. Independently of any socket, iopub also feeds the
/// kernel's activity and the server-side record of notebook outputs.
/// </summary>
internal sealed partial class KernelChannelsHub : IAsyncDisposable
{
    /// <summary>Past this many requests awaiting replies the routing table is reset; replies then go by session id.</summary>
    private const int MaxPendingRequests = 1 << 16;

    private readonly ServerKernel _kernel;
    private readonly IClientChannels _channels;
    private readonly KernelsOptions _options;
    private readonly NotebookOutputStore _outputs;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OfflineBuffer> _offline = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _requests = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private KernelSocket[] _sockets = [];
    private long _bufferSequence;
    private bool _disposed;

    public KernelChannelsHub(ServerKernel kernel, IClientChannels channels, KernelsOptions options, NotebookOutputStore outputs, TimeProvider time, ILogger logger)
    {
        _kernel = kernel;
        _channels = channels;
        _options = options;
        _outputs = outputs;
        _logger = logger;
        Session = new MessageSession(username: "quire", timeProvider: time);
        var token = _stop.Token;
        _loops =
        [
            Task.Run(() => ReceiveLoopAsync(KernelChannel.IOPub, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Shell, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Control, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Stdin, token), CancellationToken.None),
        ];
    }

    /// <summary>The session of the messages the server itself sends (nudges, status and notices).</summary>
    public MessageSession Session { get; }

    public int ConnectionCount => Volatile.Read(ref _sockets).Length;

    /// <summary>
    /// Adds a WebSocket. One still open for the same client session is closed as stale (the client reconnected before
    /// the server noticed the old one go); what the session missed while away is queued for the new socket first.
    /// </summary>
    public void Attach(KernelSocket socket)
    {
        KernelSocket? stale;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            stale = Array.Find(_sockets, s => s.SessionKey == socket.SessionKey);
            if (_offline.Remove(socket.SessionKey, out var buffer))
            {
                Replay(socket, buffer);
            }

            _sockets = [.. _sockets.Where(s => s != stale), socket];
        }

        if (stale is not null)
        {
            LogReplacedStale(_logger, _kernel.Id, socket.SessionKey);
            stale.RequestClose(WebSocketCloseStatus.NormalClosure, "replaced by a newer connection with the same session_id");
        }
    }

    /// <summary>
    /// Removes a WebSocket whose connection ended; unless it was replaced, its session's messages are kept from now on,
    /// starting with those it had not been sent yet.
    /// </summary>
    public void Detach(KernelSocket socket)
    {
        lock (_lock)
        {
            var unsent = socket.TakeUnsent();
            if (!_sockets.Contains(socket))
            {
                return;
            }

            _sockets = [.. _sockets.Where(s => s != socket)];
            if (_disposed || !_options.BufferOfflineMessages)
            {
                return;
            }

            var buffer = new OfflineBuffer(_bufferSequence++, _options.OfflineBufferMaxMessages, _options.OfflineBufferMaxBytes);
            unsent.ForEach(buffer.Add);
            _offline[socket.SessionKey] = buffer;
            while (_offline.Count > _options.OfflineBufferMaxSessions)
            {
                var oldest = _offline.MinBy(b => b.Value.CreatedSequence);
                _offline.Remove(oldest.Key);
                LogBufferDiscarded(_logger, _kernel.Id, oldest.Key, oldest.Value.Count);
            }
        }
    }

    /// <summary>Closes every WebSocket (the kernel is going away) and the kernel connection.</summary>
    public async ValueTask DisposeAsync()
    {
        KernelSocket[] sockets;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            sockets = _sockets;
            _sockets = [];
            _offline.Clear();
        }

        foreach (var socket in sockets)
        {
            socket.RequestClose(WebSocketCloseStatus.NormalClosure, "the kernel was shut down");
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _channels.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    // With the lock held: the buffered messages go out before anything the hub delivers after the socket is added.
    private void Replay(KernelSocket socket, OfflineBuffer buffer)
    {
        var dropped = buffer.Dropped;
        var messages = buffer.Drain();
        LogReplaying(_logger, _kernel.Id, socket.SessionKey, messages.Count, dropped);
        if (dropped > 0)
        {
            socket.Send(Stderr(
                null,
                $"[Quire] {dropped} kernel message(s) sent while this client was disconnected were dropped (the server keeps at most " +
                $"{_options.OfflineBufferMaxMessages} messages or {_options.OfflineBufferMaxBytes} bytes per client); the outputs of notebook " +
                "cells are kept in full and come back when the notebook is reopened.\n"));
        }

        foreach (var message in messages)
        {
            socket.Send(message);
        }
    }
}
