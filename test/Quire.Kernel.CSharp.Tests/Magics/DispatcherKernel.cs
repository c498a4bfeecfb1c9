using System.Collections.Concurrent;
using Quire.Kernel.CSharp.Packages;
using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Magics;

/// <summary>A <see cref="KernelHost"/> over <see cref="DispatcherEngine"/> in memory: send a cell, get its <see cref="CellResult"/>.</summary>
internal sealed class DispatcherKernel : IAsyncDisposable
{
    private readonly InMemoryKernelChannels _channels = new();
    private readonly MessageSession _client = new(username: "test");
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (List<JupyterMessage> Outputs, TaskCompletionSource<JupyterMessage> Reply, TaskCompletionSource Idle)> _cells = new(StringComparer.Ordinal);
    private readonly DispatcherEngine _engine;
    private readonly Task<bool> _run;
    private readonly Task _pumps;

    public DispatcherKernel(PackageManager? packages = null)
    {
        _engine = new DispatcherEngine(packages);
        _run = new KernelHost(_channels, _engine).RunAsync(_stop.Token);
        _pumps = Task.WhenAll(PumpAsync(KernelChannel.IOPub), PumpAsync(KernelChannel.Shell));
    }

    public async Task<CellResult> ExecuteAsync(string code, TimeSpan? timeout = null)
    {
        var request = _client.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = code }, MessagingJsonContext.Default.ExecuteRequest);
        var cell = (new List<JupyterMessage>(), new TaskCompletionSource<JupyterMessage>(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _cells[request.MsgId] = cell;
        _channels.Deliver(KernelChannel.Shell, request);
        var reply = await CSharpKernelHarness.WithTimeout(cell.Item2.Task, timeout, $"the execute_reply to: {code}");
        await CSharpKernelHarness.WithTimeout(cell.Item3.Task, timeout, $"the idle status after: {code}");
        lock (cell.Item1)
        {
            return new CellResult(request, reply, [.. cell.Item1], []);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await CSharpKernelHarness.WithTimeout(_run, null, "the kernel host to stop");
        await _channels.DisposeAsync();
        await CSharpKernelHarness.WithTimeout(_pumps, null, "the readers to stop");
        _engine.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(KernelChannel channel)
    {
        await foreach (var message in _channels.Sent(channel).ReadAllAsync())
        {
            if (message.ParentMsgId is not { } parent || !_cells.TryGetValue(parent, out var cell))
            {
                continue;
            }

            if (channel == KernelChannel.Shell)
            {
                cell.Reply.TrySetResult(message);
                continue;
            }

            lock (cell.Outputs)
            {
                cell.Outputs.Add(message);
            }

            if (message.MsgType == MessageTypes.Status && message.GetContent(MessagingJsonContext.Default.Status).ExecutionState == ExecutionStates.Idle)
            {
                cell.Idle.TrySetResult();
            }
        }
    }
}
