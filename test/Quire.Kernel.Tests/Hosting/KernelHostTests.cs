using Quire.Kernel.Hosting;
using Quire.Kernel.Tests.Fakes;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Tests.Hosting;

public sealed class KernelHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeKernelChannels _channels = new();
    private readonly ScriptedEngine _engine = new();
    private readonly MessageSession _client = new(username: "test");
    private readonly CancellationTokenSource _stop = new();
    private KernelHost _host = null!;
    private Task<bool> _run = null!;

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new KernelHost(_channels, _engine);
        _run = _host.RunAsync(_stop.Token);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Wait, Token);
        _stop.Dispose();
    }

    [Fact]
    public async Task KernelInfo_RepliesWithProtocolVersion_BetweenBusyAndIdle()
    {
        var request = Send(KernelChannel.Shell, MessageTypes.KernelInfoRequest, new KernelInfoRequest(), Json.KernelInfoRequest);

        var reply = await NextAsync(KernelChannel.Shell, MessageTypes.KernelInfoReply);
        var statuses = await StatusesUntilIdleAsync(request);

        var content = reply.GetContent(Json.KernelInfoReply);
        Assert.Equal(ProtocolVersion.Current, content.ProtocolVersion);
        Assert.Equal("scripted", content.Implementation);
        Assert.Equal(request.MsgId, reply.ParentMsgId);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Identities[0].ToArray());
        Assert.Equal(["busy", "idle"], statuses);
    }

    [Fact]
    public async Task Execute_PublishesInputAndOutputs_AndCountsExecutions()
    {
        _engine.Execute = async (execution, ct) =>
        {
            await execution.WriteStreamAsync("stdout", $"ran {execution.Code}\n", ct);
            return ExecutionOutcome.Ok;
        };

        var first = Execute("a");
        var firstReply = await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);
        var second = Execute("b");
        var secondReply = await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);

        Assert.Equal(1, firstReply.GetContent(Json.ExecuteReply).ExecutionCount);
        Assert.Equal(2, secondReply.GetContent(Json.ExecuteReply).ExecutionCount);
        var input = await NextAsync(KernelChannel.IOPub, MessageTypes.ExecuteInput);
        Assert.Equal(first.MsgId, input.ParentMsgId);
        Assert.Equal("a", input.GetContent(Json.ExecuteInput).Code);
        var stream = await NextAsync(KernelChannel.IOPub, MessageTypes.Stream);
        Assert.Equal(first.MsgId, stream.ParentMsgId);
        Assert.Equal("ran a\n", stream.GetContent(Json.StreamOutput).Text);
        var secondStream = await NextAsync(KernelChannel.IOPub, MessageTypes.Stream);
        Assert.Equal(second.MsgId, secondStream.ParentMsgId);
    }

    [Fact]
    public async Task SilentExecute_DoesNotCountOrPublishInput()
    {
        Execute("quiet", silent: true);
        var reply = await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);
        Execute("loud");
        await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);

        Assert.Equal(0, reply.GetContent(Json.ExecuteReply).ExecutionCount);
        var input = await NextAsync(KernelChannel.IOPub, MessageTypes.ExecuteInput);
        Assert.Equal("loud", input.GetContent(Json.ExecuteInput).Code);
        Assert.Equal(1, _host.ExecutionCount);
    }

    [Fact]
    public async Task Error_IsPublishedAndReplied_AndQueuedCellsAreAborted()
    {
        var release = new TaskCompletionSource();
        _engine.Execute = async (execution, ct) =>
        {
            if (execution.Code == "fail")
            {
                await release.Task.WaitAsync(ct);
                return ExecutionOutcome.Error("ValueError", "bad value", ["ValueError: bad value"]);
            }

            return ExecutionOutcome.Ok;
        };

        Execute("fail");
        await NextAsync(KernelChannel.IOPub, MessageTypes.ExecuteInput);
        Execute("queued");
        release.SetResult();

        var failed = (await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply)).GetContent(Json.ExecuteReply);
        var aborted = (await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply)).GetContent(Json.ExecuteReply);
        var error = (await NextAsync(KernelChannel.IOPub, MessageTypes.Error)).GetContent(Json.ErrorOutput);

        Assert.Equal(("error", "ValueError", "bad value"), (failed.Status, failed.Ename, failed.Evalue));
        Assert.Equal("aborted", aborted.Status);
        Assert.Equal(["ValueError: bad value"], error.Traceback);
    }

    [Fact]
    public async Task Interrupt_CancelsTheRunningCell_WhichRepliesKeyboardInterrupt()
    {
        var started = new TaskCompletionSource();
        _engine.Execute = async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ExecutionOutcome.Ok;
        };

        Execute("forever");
        await started.Task.WaitAsync(Wait, Token);
        Send(KernelChannel.Control, MessageTypes.InterruptRequest, new InterruptRequest(), Json.InterruptRequest);

        var interrupt = await NextAsync(KernelChannel.Control, MessageTypes.InterruptReply);
        var reply = (await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply)).GetContent(Json.ExecuteReply);

        Assert.Equal("ok", interrupt.GetContent(Json.InterruptReply).Status);
        Assert.Equal(("error", "KeyboardInterrupt"), (reply.Status, reply.Ename));
    }

    [Fact]
    public async Task Input_GoesToTheRequestersStdin_AndTheReplyReachesTheCell()
    {
        _engine.Execute = async (execution, ct) =>
        {
            var value = await execution.RequestInputAsync("Name? ", password: true, ct);
            await execution.WriteStreamAsync("stdout", $"hello {value}", ct);
            return ExecutionOutcome.Ok;
        };

        var cell = Execute("ask");
        var request = await NextAsync(KernelChannel.Stdin, MessageTypes.InputRequest);
        var prompt = request.GetContent(Json.InputRequest);
        _channels.Deliver(KernelChannel.Stdin, _client.Create(MessageTypes.InputReply, new InputReply { Value = "Ada" }, Json.InputReply, request));

        var stream = await NextAsync(KernelChannel.IOPub, MessageTypes.Stream);
        Assert.Equal(("Name? ", true), (prompt.Prompt, prompt.Password));
        Assert.Equal(cell.MsgId, request.ParentMsgId);
        Assert.Equal(new byte[] { 1, 2, 3 }, request.Identities[0].ToArray());
        Assert.Equal("hello Ada", stream.GetContent(Json.StreamOutput).Text);
    }

    [Fact]
    public async Task Input_WhenStdinIsNotAllowed_FailsTheCellClearly()
    {
        _engine.Execute = async (execution, ct) =>
        {
            await execution.RequestInputAsync("x", cancellationToken: ct);
            return ExecutionOutcome.Ok;
        };

        Execute("ask", allowStdin: false);
        var reply = (await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply)).GetContent(Json.ExecuteReply);

        Assert.Equal("StdinNotImplementedError", reply.Ename);
        Assert.Contains("allow_stdin", reply.Evalue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_AnswersTailRangeAndSearch()
    {
        foreach (var code in new[] { "x = 1", "y = 2", "x + y" })
        {
            Execute(code);
            await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);
        }

        var tail = await HistoryAsync(new HistoryRequest { HistAccessType = "tail", N = 2 });
        var range = await HistoryAsync(new HistoryRequest { HistAccessType = "range", Start = 1, Stop = 2 });
        var search = await HistoryAsync(new HistoryRequest { HistAccessType = "search", Pattern = "x*" });

        Assert.Equal(["1/2: y = 2", "1/3: x + y"], tail);
        Assert.Equal(["1/1: x = 1"], range);
        Assert.Equal(["1/1: x = 1", "1/3: x + y"], search);
    }

    [Fact]
    public async Task History_WithOutput_PairsEachInputWithItsResult()
    {
        _engine.Execute = async (execution, ct) =>
        {
            if (execution.Code == "6*7")
            {
                await execution.PublishResultAsync(new() { ["text/plain"] = System.Text.Json.JsonSerializer.SerializeToElement("42") }, cancellationToken: ct);
            }

            return ExecutionOutcome.Ok;
        };
        Execute("x = 1");
        await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);
        Execute("6*7");
        await NextAsync(KernelChannel.Shell, MessageTypes.ExecuteReply);

        Send(KernelChannel.Shell, MessageTypes.HistoryRequest, new HistoryRequest { HistAccessType = "tail", N = 2, Output = true }, Json.HistoryRequest);
        var history = (await NextAsync(KernelChannel.Shell, MessageTypes.HistoryReply)).GetContent(Json.HistoryReply).History;

        Assert.Equal(2, history.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history[0][2][1].ValueKind);
        Assert.Equal(("6*7", "42"), (history[1][2][0].GetString(), history[1][2][1].GetString()));
    }

    [Fact]
    public async Task UnknownRequest_IsIgnored_AndTheNextIsServed()
    {
        _channels.Deliver(KernelChannel.Shell, _client.CreateRaw("frobnicate_request", "{}"u8.ToArray()));
        Send(KernelChannel.Shell, MessageTypes.IsCompleteRequest, new IsCompleteRequest { Code = "x" }, Json.IsCompleteRequest);

        var reply = await NextAsync(KernelChannel.Shell, MessageTypes.IsCompleteReply);

        Assert.Equal("complete", reply.GetContent(Json.IsCompleteReply).Status);
    }

    [Fact]
    public async Task Shutdown_OnControl_RepliesAndEndsTheHost_ReportingRestart()
    {
        Send(KernelChannel.Control, MessageTypes.ShutdownRequest, new ShutdownRequest { Restart = true }, Json.ShutdownRequest);

        var reply = await NextAsync(KernelChannel.Control, MessageTypes.ShutdownReply);
        var restart = await _run.WaitAsync(Wait, Token);

        Assert.True(reply.GetContent(Json.ShutdownReply).Restart);
        Assert.True(restart);
    }

    private JupyterMessage Execute(string code, bool silent = false, bool allowStdin = true) =>
        Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new ExecuteRequest { Code = code, Silent = silent, AllowStdin = allowStdin }, Json.ExecuteRequest);

    private JupyterMessage Send<T>(KernelChannel channel, string type, T content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        var message = _client.Create(type, content, info);
        _channels.Deliver(channel, message);
        return message;
    }

    private async Task<string[]> HistoryAsync(HistoryRequest request)
    {
        Send(KernelChannel.Shell, MessageTypes.HistoryRequest, request, Json.HistoryRequest);
        var reply = await NextAsync(KernelChannel.Shell, MessageTypes.HistoryReply);
        // Entries are [session, line, input].
        return [.. reply.GetContent(Json.HistoryReply).History.Select(h => $"{h[0].GetInt32()}/{h[1].GetInt32()}: {h[2].GetString()}")];
    }

    private async Task<JupyterMessage> NextAsync(KernelChannel channel, string msgType)
    {
        var reader = _channels.Sent(channel);
        while (true)
        {
            var message = await reader.ReadAsync(Token).AsTask().WaitAsync(Wait, Token)
                .ConfigureAwait(false);
            if (message.MsgType == msgType)
            {
                return message;
            }
        }
    }

    private async Task<List<string>> StatusesUntilIdleAsync(JupyterMessage parent)
    {
        var states = new List<string>();
        while (true)
        {
            var status = await NextAsync(KernelChannel.IOPub, MessageTypes.Status);
            if (status.ParentMsgId != parent.MsgId)
            {
                continue;
            }

            var state = status.GetContent(Json.Status).ExecutionState;
            states.Add(state);
            if (state == "idle")
            {
                return states;
            }
        }
    }
}
