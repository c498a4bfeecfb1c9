using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Transport;

namespace Quire.Messaging.Client;

/// <summary>
/// A client of one kernel over <see cref="IClientChannels"/>. One receive loop per channel dispatches what arrives:
/// shell and control replies complete the request whose <c>msg_id</c> is their parent, iopub messages go to the
/// execution they belong to and to <see cref="IOPubReceived"/>, and stdin input requests go to <see cref="InputHandler"/>.
/// Thread-safe: requests may be made concurrently.
/// </summary>
public sealed partial class KernelClient : IAsyncDisposable
{
    private readonly IClientChannels _channels;
    private readonly KernelClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JupyterMessage>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionCollector> _executions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly Lock _stateLock = new();
    private string _executionState = ExecutionStates.Unknown;
    private Task _heartbeat = Task.CompletedTask;
    private int _heartbeatStarted;
    private int _disposed;

    public KernelClient(
        IClientChannels channels,
        KernelClientOptions? options = null,
        ILogger<KernelClient>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = channels;
        _options = options ?? new KernelClientOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Session = new MessageSession(username: _options.Username, timeProvider: _time);
        var token = _stop.Token;
        _loops =
        [
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Shell, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Control, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.IOPub, token), CancellationToken.None),
            Task.Run(() => ReceiveLoopAsync(KernelChannel.Stdin, token), CancellationToken.None),
        ];
    }

    /// <summary>Every iopub message, in arrival order, raised on the iopub receive loop (keep handlers short).</summary>
    public event EventHandler<JupyterMessage>? IOPubReceived;

    /// <summary>Raised once, when the heartbeat monitor gives up on the kernel.</summary>
    public event EventHandler? HeartbeatLost;

    public MessageSession Session { get; }

    /// <summary>
    /// <c>unknown</c> until the first iopub status, then the kernel's last reported state; <c>dead</c> once the heartbeat
    /// is lost, and it stays so: a client does not come back from that, its owner restarts or reconnects.
    /// </summary>
    public string ExecutionState
    {
        get
        {
            lock (_stateLock)
            {
                return _executionState;
            }
        }
    }

    /// <summary>
    /// Answers the kernel's <c>input_request</c>s. Null means this client cannot answer: executions are then sent with
    /// <c>allow_stdin: false</c> so that <c>input()</c> fails in the kernel at once instead of waiting forever.
    /// </summary>
    public Func<InputRequest, CancellationToken, ValueTask<string>>? InputHandler { get; set; }

    public static async Task<KernelClient> ConnectAsync(
        IKernelTransport transport,
        ConnectionInfo connection,
        KernelClientOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(connection);
        var channels = await transport.ConnectAsync(connection, cancellationToken).ConfigureAwait(false);
        return new KernelClient(channels, options, loggerFactory?.CreateLogger<KernelClient>());
    }

    /// <summary>Sends one heartbeat ping; true when the kernel echoed it within <paramref name="timeout"/>.</summary>
    public Task<bool> IsAliveAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _channels.PingAsync(timeout, cancellationToken);
    }

    /// <summary>
    /// Waits until shell, control and stdin have reached the kernel (see <see cref="IClientChannels.WaitConnectedAsync"/>);
    /// false after <paramref name="timeout"/>.
    /// </summary>
    public Task<bool> WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _channels.WaitConnectedAsync(timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        FailAll(new ObjectDisposedException(nameof(KernelClient), "the kernel client was disposed while waiting for the kernel"));
        await Task.WhenAll([.. _loops, _heartbeat]).ConfigureAwait(false);
        await _channels.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void FailAll(Exception exception)
    {
        foreach (var (_, pending) in _pending)
        {
            pending.TrySetException(exception);
        }

        foreach (var (_, execution) in _executions)
        {
            execution.Fail(exception);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
