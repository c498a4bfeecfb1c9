using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Transport;

namespace Quire.Kernel.Hosting;

/// <summary>
/// Runs a kernel over bound channels: shell requests one at a time (each wrapped in busy/idle status), control on its
/// own loop so that an interrupt or a shutdown gets through while a cell runs, and stdin replies routed back to the
/// cell that asked. The engine supplies the language.
/// </summary>
public sealed partial class KernelHost
{
    private readonly IKernelChannels _channels;
    private readonly IKernelEngine _engine;
    private readonly KernelHostOptions _options;
    private readonly ILogger _logger;
    private readonly ExecutionHistory _history;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pendingInputs = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _running;
    private long _executionCount;

    public KernelHost(IKernelChannels channels, IKernelEngine engine, KernelHostOptions? options = null, ILogger<KernelHost>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(engine);
        _channels = channels;
        _engine = engine;
        _options = options ?? new KernelHostOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _history = new ExecutionHistory(_options.HistoryCapacity);
        Session = new MessageSession(username: _options.Username, timeProvider: timeProvider);
    }

    public MessageSession Session { get; }

    /// <summary>The count of the last cell run with <c>store_history</c>.</summary>
    public long ExecutionCount => Interlocked.Read(ref _executionCount);

    /// <summary>
    /// Serves requests until a <c>shutdown_request</c> arrives (the result says whether a restart was asked for) or
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await PublishStatusAsync(ExecutionStates.Starting, parent: null, stop.Token).ConfigureAwait(false);
        var control = Task.Run(() => ControlLoopAsync(stop.Token), stop.Token);
        var stdin = Task.Run(() => StdinLoopAsync(stop.Token), stop.Token);
        var shell = Task.Run(() => ShellLoopAsync(stop.Token), stop.Token);
        try
        {
            await Task.WhenAny(_shutdown.Task, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            CancelRunningCell();
            await Task.WhenAll(Quietly(control), Quietly(stdin), Quietly(shell)).ConfigureAwait(false);
        }

        return _shutdown.Task.IsCompletedSuccessfully && _shutdown.Task.Result;
    }

    internal void RecordOutput(long executionCount, string text) => _history.AddOutput((int)executionCount, text);

    internal async ValueTask PublishAsync<T>(string msgType, T content, JsonTypeInfo<T> type, JupyterMessage? parent, CancellationToken cancellationToken)
    {
        var message = Session.Create(msgType, content, type, parent);
        await _channels.SendAsync(KernelChannel.IOPub, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes content that is already UTF-8 JSON.</summary>
    internal ValueTask PublishRawAsync(string msgType, ReadOnlyMemory<byte> contentJson, JupyterMessage? parent, CancellationToken cancellationToken) =>
        _channels.SendAsync(KernelChannel.IOPub, Session.CreateRaw(msgType, contentJson, parent), cancellationToken);

    private ValueTask PublishStatusAsync(string state, JupyterMessage? parent, CancellationToken cancellationToken) =>
        PublishAsync(MessageTypes.Status, new Status { ExecutionState = state }, MessagingJsonContext.Default.Status, parent, cancellationToken);

    private async ValueTask ReplyAsync<T>(KernelChannel channel, JupyterMessage request, string msgType, T content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var reply = Session.Create(msgType, content, type, request).WithIdentities(request.Identities);
        await _channels.SendAsync(channel, reply, cancellationToken).ConfigureAwait(false);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loops end by cancellation when the kernel stops.
        }
    }
}
