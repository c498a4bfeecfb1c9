using System.Collections.Concurrent;
using System.Text.Json;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Tests.Fakes;

namespace Quire.Messaging.Tests.Client;

public sealed class KernelClientExecuteTests : IAsyncDisposable
{
    private readonly ClientHarness _h = new();

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Execute_ReplyBeforeIdle_WaitsForIdle_AndCollectsOutputsInOrder()
    {
        var progress = new ListProgress();
        Assert.Equal(ExecutionStates.Unknown, _h.Client.ExecutionState);

        var run = _h.Client.ExecuteAsync("print('a'); print('b'); 42", output: progress, cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Status(request, ExecutionStates.Busy);
        _h.Kernel.Publish(request, MessageTypes.ExecuteInput, new ExecuteInput { Code = "…", ExecutionCount = 1 }, Json.ExecuteInput);
        _h.Kernel.Stream(request, "a\n");
        _h.Kernel.Stream(request, "b\n", "stderr");
        _h.Kernel.Publish(request, MessageTypes.ExecuteResult, new ExecuteResult { ExecutionCount = 1, Data = { ["text/plain"] = JsonSerializer.SerializeToElement("42") } }, Json.ExecuteResult);
        _h.Kernel.ExecuteReply(request, 1);
        await _h.ShellDrainedAsync();
        await _h.IOPubDrainedAsync();

        Assert.False(run.IsCompleted, "ExecuteAsync returned before the kernel reported idle");
        Assert.Equal(ExecutionStates.Busy, _h.Client.ExecutionState);
        _h.Kernel.Status(request, ExecutionStates.Idle);
        var result = await ClientHarness.Within(run, "the execution to finish after idle");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.ExecutionCount);
        Assert.Equal(["execute_input", "stream", "stream", "execute_result"], result.Outputs.Select(m => m.MsgType));
        Assert.Equal("b\n", result.Outputs[2].GetContent(Json.StreamOutput).Text);
        Assert.Equal(result.Outputs.Select(m => m.MsgId), progress.Messages.Select(m => m.MsgId));
        Assert.Equal(ExecutionStates.Idle, _h.Client.ExecutionState);
        Assert.Contains(_h.IOPub, m => m.MsgType == MessageTypes.Status && m.ParentMsgId == request.MsgId);
    }

    [Fact]
    public async Task Execute_ReplyReceived_IsCalledWithTheReply_BeforeTheIdleCompletesTheExecution()
    {
        var replied = new TaskCompletionSource<ExecuteReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new ExecuteOptions { ReplyReceived = reply => replied.TrySetResult(reply) };
        var run = _h.Client.ExecuteAsync("1", options, cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Status(request, ExecutionStates.Busy);
        _h.Kernel.ExecuteReply(request, 3);

        var early = await ClientHarness.Within(replied.Task, "the reply callback before the kernel reported idle");
        Assert.Equal(ReplyStatus.Ok, early.Status);
        Assert.Equal(3, early.ExecutionCount);
        Assert.False(run.IsCompleted, "ExecuteAsync returned before the kernel reported idle");

        _h.Kernel.Status(request, ExecutionStates.Idle);
        var result = await ClientHarness.Within(run, "the execution to finish after idle");
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Execute_ReplyReceivedThatThrows_StillCompletesTheExecution()
    {
        var options = new ExecuteOptions { ReplyReceived = _ => throw new InvalidOperationException("a broken callback") };
        var run = _h.Client.ExecuteAsync("1", options, cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Status(request, ExecutionStates.Busy);
        _h.Kernel.Status(request, ExecutionStates.Idle);
        _h.Kernel.ExecuteReply(request, 4);

        var result = await ClientHarness.Within(run, "the execution to finish although the reply callback threw");
        Assert.Equal(4, result.ExecutionCount);
    }

    [Fact]
    public async Task Execute_IdleBeforeReply_WaitsForReply()
    {
        var run = _h.Client.ExecuteAsync("1", cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Status(request, ExecutionStates.Busy);
        _h.Kernel.Stream(request, "out");
        _h.Kernel.Status(request, ExecutionStates.Idle);
        await _h.IOPubDrainedAsync();

        Assert.False(run.IsCompleted, "ExecuteAsync returned before the execute_reply");
        _h.Kernel.ExecuteReply(request, 5);
        var result = await ClientHarness.Within(run, "the execution to finish after the reply");

        Assert.Equal(5, result.ExecutionCount);
        Assert.Equal(["stream"], result.Outputs.Select(m => m.MsgType));
    }

    [Fact]
    public async Task Execute_IgnoresOtherRequestsOutputs_AndReportsErrors()
    {
        var run = _h.Client.ExecuteAsync("1/0", cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        var stranger = _h.Kernel.Session.CreateRaw(MessageTypes.ExecuteRequest, default);
        _h.Kernel.Stream(stranger, "not mine");
        _h.Kernel.Status(stranger, ExecutionStates.Idle);
        _h.Kernel.Publish(request, MessageTypes.Error, new ErrorOutput { Ename = "ZeroDivisionError", Evalue = "division by zero" }, Json.ErrorOutput);
        _h.Kernel.Reply(
            KernelChannel.Shell, request, MessageTypes.ExecuteReply,
            new ExecuteReply { Status = ReplyStatus.Error, ExecutionCount = 2, Ename = "ZeroDivisionError", Evalue = "division by zero", Traceback = ["tb"] },
            Json.ExecuteReply);
        await _h.IOPubDrainedAsync();
        Assert.False(run.IsCompleted, "another request's idle ended this execution");
        _h.Kernel.Status(request, ExecutionStates.Idle);

        var result = await ClientHarness.Within(run, "the failed execution to finish");

        Assert.False(result.Succeeded);
        Assert.Equal("ZeroDivisionError", result.Reply.Ename);
        Assert.Equal(["error"], result.Outputs.Select(m => m.MsgType));
    }

    [Fact]
    public async Task Execute_SendsOptionsAndMetadata_AndAllowStdinFalseWithoutHandler()
    {
        using var metadata = JsonDocument.Parse("""{"cellId":"c-1"}""");
        var options = new ExecuteOptions
        {
            Silent = true, StoreHistory = false, StopOnError = false, Metadata = metadata.RootElement,
            UserExpressions = new Dictionary<string, string> { ["x"] = "1+1" },
        };

        _ = _h.Client.ExecuteAsync("x", options, cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        var content = request.GetContent(Json.ExecuteRequest);

        Assert.Equal(MessageTypes.ExecuteRequest, request.MsgType);
        Assert.Equal((true, false, false, false), (content.Silent, content.StoreHistory, content.StopOnError, content.AllowStdin));
        Assert.Equal("1+1", content.UserExpressions["x"]);
        Assert.Equal("c-1", request.Metadata.GetProperty("cellId").GetString());
        Assert.Equal(_h.Client.Session.SessionId, request.Header.Session);
        Assert.Equal("quire", request.Header.Username);
    }

    [Fact]
    public async Task Stdin_InputRequest_IsAnsweredByHandler_OnStdinWithTheRequestAsParent()
    {
        InputRequest? asked = null;
        _h.Client.InputHandler = (request, _) =>
        {
            asked = request;
            return ValueTask.FromResult("Ada");
        };

        var run = _h.Client.ExecuteAsync("input('Name: ')", cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        Assert.True(request.GetContent(Json.ExecuteRequest).AllowStdin);
        var inputRequest = _h.Kernel.RequestInput(request, "Name: ", password: true);
        var reply = await _h.Kernel.ReceiveAsync(KernelChannel.Stdin);

        Assert.Equal(MessageTypes.InputReply, reply.MsgType);
        Assert.Equal(inputRequest.MsgId, reply.ParentMsgId);
        Assert.Equal("Ada", reply.GetContent(Json.InputReply).Value);
        Assert.Equal(("Name: ", true), (asked?.Prompt, asked?.Password));

        _h.Kernel.ExecuteReply(request, 1);
        _h.Kernel.Status(request, ExecutionStates.Idle);
        await ClientHarness.Within(run, "the execution to finish");
    }

    [Fact]
    public async Task Stdin_WithoutHandler_RepliesEmpty()
    {
        _ = _h.Client.ExecuteAsync("input()", cancellationToken: TestContext.Current.CancellationToken);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.RequestInput(request, "? ");

        var reply = await _h.Kernel.ReceiveAsync(KernelChannel.Stdin);

        Assert.Equal(string.Empty, reply.GetContent(Json.InputReply).Value);
    }

    [Fact]
    public async Task Stdin_HandlerSeesTheExecutionsCancellation()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var handlerStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerCancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Client.InputHandler = async (_, token) =>
        {
            await using var registration = token.Register(() => handlerCancelled.TrySetResult(true));
            handlerStarted.TrySetResult(true);
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "never";
        };

        var run = _h.Client.ExecuteAsync("input()", cancellationToken: cts.Token);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.RequestInput(request, "? ");
        await ClientHarness.Within(handlerStarted.Task, "the input handler to be called");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(ClientHarness.Wait, TestContext.Current.CancellationToken));
        Assert.True(await ClientHarness.Within(handlerCancelled.Task, "the input handler to be cancelled"));
        var reply = await _h.Kernel.ReceiveAsync(KernelChannel.Stdin);
        Assert.Equal(string.Empty, reply.GetContent(Json.InputReply).Value);
    }

    private sealed class ListProgress : IProgress<JupyterMessage>
    {
        private readonly ConcurrentQueue<JupyterMessage> _messages = new();

        public IReadOnlyList<JupyterMessage> Messages => [.. _messages];

        public void Report(JupyterMessage value) => _messages.Enqueue(value);
    }
}
