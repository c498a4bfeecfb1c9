using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Infrastructure;

/// <summary>
/// The real C# kernel in process: a <see cref="KernelHost"/> over in-memory channels with a <see cref="CSharpEngine"/>.
/// Tests talk to it as a frontend would: <c>await using var kernel = await CSharpKernelHarness.StartAsync();</c>
/// then <c>var result = await kernel.ExecuteAsync("1 + 1");</c>.
/// </summary>
public sealed class CSharpKernelHarness : IAsyncDisposable
{
    /// <summary>Generous: the first cell of a process compiles with a cold Roslyn.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly InMemoryKernelChannels _channels = new();
    private readonly MessageSession _client = new(username: "test");
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, PendingCell> _cells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JupyterMessage>> _replies = new(StringComparer.Ordinal);
    private Task<bool> _run = Task.FromResult(false);
    private Task _pumps = Task.CompletedTask;

    private CSharpKernelHarness(TimeProvider? time)
    {
        Engine = time is null ? new CSharpEngine() : new CSharpEngine(time);
        Host = new KernelHost(_channels, Engine);
    }

    public CSharpEngine Engine { get; }

    public KernelHost Host { get; }

    public InMemoryKernelChannels Channels => _channels;

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    /// <summary>Starts the kernel; <paramref name="time"/> is the engine's clock (the system's when null).</summary>
    public static Task<CSharpKernelHarness> StartAsync(TimeProvider? time = null)
    {
        var harness = new CSharpKernelHarness(time);
        harness._run = harness.Host.RunAsync(harness._stop.Token);
        harness._pumps = Task.WhenAll(
            harness.PumpAsync(KernelChannel.IOPub),
            harness.PumpAsync(KernelChannel.Shell),
            harness.PumpAsync(KernelChannel.Control),
            harness.PumpAsync(KernelChannel.Stdin));
        return Task.FromResult(harness);
    }

    /// <summary>Runs a cell to its end. <paramref name="inputs"/> answer its <c>input_request</c>s in order.</summary>
    public Task<CellResult> ExecuteAsync(string code, bool allowStdin = false, IEnumerable<string>? inputs = null, bool silent = false, TimeSpan? timeout = null) =>
        Start(code, allowStdin, inputs, silent).CompleteAsync(timeout);

    /// <summary>Sends a cell and returns at once, so a test can watch its outputs or interrupt it while it runs.</summary>
    public PendingCell Start(string code, bool allowStdin = false, IEnumerable<string>? inputs = null, bool silent = false)
    {
        var request = _client.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = code, AllowStdin = allowStdin, Silent = silent }, Json.ExecuteRequest);
        var cell = new PendingCell(request, inputs);
        _cells[request.MsgId] = cell;
        _channels.Deliver(KernelChannel.Shell, request);
        return cell;
    }

    /// <summary>Sends <c>interrupt_request</c> on control and waits for its reply.</summary>
    public Task<JupyterMessage> InterruptAsync(TimeSpan? timeout = null) =>
        RequestAsync(KernelChannel.Control, MessageTypes.InterruptRequest, new InterruptRequest(), Json.InterruptRequest, timeout);

    /// <summary>Any other request (complete, inspect, is_complete, history, kernel_info, ...): returns its reply.</summary>
    public Task<JupyterMessage> RequestAsync<T>(KernelChannel channel, string msgType, T content, JsonTypeInfo<T> contentType, TimeSpan? timeout = null)
    {
        var request = _client.Create(msgType, content, contentType);
        var reply = new TaskCompletionSource<JupyterMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[request.MsgId] = reply;
        _channels.Deliver(channel, request);
        return WithTimeout(reply.Task, timeout, $"a reply to {msgType} on {channel}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await WithTimeout(_run, DefaultTimeout, "the kernel host to stop").ConfigureAwait(false);
        await _channels.DisposeAsync().ConfigureAwait(false);
        await WithTimeout(_pumps, DefaultTimeout, "the harness's readers to stop").ConfigureAwait(false);
        Engine.Dispose();
        _stop.Dispose();
    }

    internal static async Task<T> WithTimeout<T>(Task<T> task, TimeSpan? timeout, string expected)
    {
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"timed out after {timeout ?? DefaultTimeout} waiting for {expected}", ex);
        }
    }

    internal static async Task WithTimeout(Task task, TimeSpan? timeout, string expected)
    {
        try
        {
            await task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"timed out after {timeout ?? DefaultTimeout} waiting for {expected}", ex);
        }
    }

    private async Task PumpAsync(KernelChannel channel)
    {
        await foreach (var message in _channels.Sent(channel).ReadAllAsync().ConfigureAwait(false))
        {
            var parent = message.ParentMsgId;
            if (parent is null)
            {
                continue;
            }

            if (channel == KernelChannel.IOPub)
            {
                if (_cells.TryGetValue(parent, out var cell))
                {
                    cell.OnIOPub(message);
                }
            }
            else if (channel == KernelChannel.Stdin)
            {
                AnswerInput(message);
            }
            else if (_cells.TryGetValue(parent, out var cell) && message.MsgType == MessageTypes.ExecuteReply)
            {
                cell.OnReply(message);
            }
            else if (_replies.TryRemove(parent, out var reply))
            {
                reply.TrySetResult(message);
            }
        }
    }

    private void AnswerInput(JupyterMessage inputRequest)
    {
        if (inputRequest.ParentMsgId is not { } parent || !_cells.TryGetValue(parent, out var cell))
        {
            return;
        }

        if (cell.NextInput(inputRequest.GetContent(Json.InputRequest)) is { } value)
        {
            _channels.Deliver(KernelChannel.Stdin, _client.Create(MessageTypes.InputReply, new InputReply { Value = value }, Json.InputReply, inputRequest));
        }
    }
}
