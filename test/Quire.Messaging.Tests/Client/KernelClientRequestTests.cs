using Microsoft.Extensions.Logging;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Tests.Fakes;

namespace Quire.Messaging.Tests.Client;

public sealed class KernelClientRequestTests : IAsyncDisposable
{
    private readonly ClientHarness _h = new(new KernelClientOptions { DefaultTimeout = TimeSpan.FromSeconds(5) });

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task KernelInfo_ReturnsTheTypedReply()
    {
        var call = _h.Client.KernelInfoAsync(cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Reply(
            KernelChannel.Shell, request, MessageTypes.KernelInfoReply,
            new KernelInfoReply { ProtocolVersion = "5.3", LanguageInfo = new LanguageInfo { Name = "python" } }, Json.KernelInfoReply);

        var reply = await ClientHarness.Within(call, "kernel_info_reply");

        Assert.Equal(MessageTypes.KernelInfoRequest, request.MsgType);
        Assert.Equal(("5.3", "python"), (reply.ProtocolVersion, reply.LanguageInfo.Name));
    }

    [Fact]
    public async Task ConcurrentRequests_AreMatchedByParent_NotByOrder()
    {
        var complete = _h.Client.CompleteAsync("pri", 3, Ct);
        var completeRequest = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        var inspect = _h.Client.InspectAsync("len", 3, 1, Ct);
        var inspectRequest = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);

        _h.Kernel.Reply(KernelChannel.Shell, inspectRequest, MessageTypes.InspectReply, new InspectReply { Found = true }, Json.InspectReply);
        _h.Kernel.Reply(
            KernelChannel.Shell, completeRequest, MessageTypes.CompleteReply,
            new CompleteReply { Matches = ["print"], CursorStart = 0, CursorEnd = 3 }, Json.CompleteReply);

        Assert.Equal(["print"], (await ClientHarness.Within(complete, "complete_reply")).Matches);
        Assert.True((await ClientHarness.Within(inspect, "inspect_reply")).Found);
        Assert.Equal((3, 1), (inspectRequest.GetContent(Json.InspectRequest).CursorPos, inspectRequest.GetContent(Json.InspectRequest).DetailLevel));
    }

    [Fact]
    public async Task ShutdownAndInterrupt_GoOnControl()
    {
        var shutdown = _h.Client.ShutdownAsync(restart: true, cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Control);
        Assert.True(request.GetContent(Json.ShutdownRequest).Restart);
        _h.Kernel.Reply(KernelChannel.Control, request, MessageTypes.ShutdownReply, new ShutdownReply { Restart = true }, Json.ShutdownReply);
        Assert.True((await ClientHarness.Within(shutdown, "shutdown_reply")).Restart);

        var interrupt = _h.Client.InterruptAsync(cancellationToken: Ct);
        var interruptRequest = await _h.Kernel.ReceiveAsync(KernelChannel.Control);
        _h.Kernel.Reply(KernelChannel.Control, interruptRequest, MessageTypes.InterruptReply, new InterruptReply(), Json.InterruptReply);

        Assert.Equal(MessageTypes.InterruptRequest, interruptRequest.MsgType);
        Assert.True((await ClientHarness.Within(interrupt, "interrupt_reply")).IsOk);
    }

    [Fact]
    public async Task IsCompleteHistoryCommInfo_SendTheirContent()
    {
        var isComplete = _h.Client.IsCompleteAsync("for x in y:", Ct);
        var r1 = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Reply(KernelChannel.Shell, r1, MessageTypes.IsCompleteReply, new IsCompleteReply { Status = "incomplete", Indent = "    " }, Json.IsCompleteReply);
        var history = _h.Client.HistoryAsync(new HistoryRequest { HistAccessType = "tail", N = 3 }, Ct);
        var r2 = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Reply(KernelChannel.Shell, r2, MessageTypes.HistoryReply, new HistoryReply(), Json.HistoryReply);
        var commInfo = _h.Client.CommInfoAsync("jupyter.widget", Ct);
        var r3 = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Reply(KernelChannel.Shell, r3, MessageTypes.CommInfoReply, new CommInfoReply(), Json.CommInfoReply);

        Assert.Equal("    ", (await ClientHarness.Within(isComplete, "is_complete_reply")).Indent);
        Assert.True((await ClientHarness.Within(history, "history_reply")).IsOk);
        Assert.True((await ClientHarness.Within(commInfo, "comm_info_reply")).IsOk);
        Assert.Equal("for x in y:", r1.GetContent(Json.IsCompleteRequest).Code);
        Assert.Equal(3, r2.GetContent(Json.HistoryRequest).N);
        Assert.Equal("jupyter.widget", r3.GetContent(Json.CommInfoRequest).TargetName);
    }

    [Fact]
    public async Task Request_WithoutReply_TimesOutNamingTypeAndWait_ThenDropsTheLateReply()
    {
        var call = _h.Client.KernelInfoAsync(cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);

        _h.Time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(ClientHarness.Wait, Ct));

        Assert.Equal("kernel_info_request: no kernel_info_reply within 5 s", ex.Message);
        await AssertDroppedAsync(() => _h.Kernel.Reply(KernelChannel.Shell, request, MessageTypes.KernelInfoReply, new KernelInfoReply(), Json.KernelInfoReply));
    }

    [Fact]
    public async Task Execute_ReplyButNoIdle_TimesOutNamingIdle()
    {
        var run = _h.Client.ExecuteAsync("1", new ExecuteOptions { Timeout = TimeSpan.FromSeconds(2) }, cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.ExecuteReply(request, 1);
        await _h.ShellDrainedAsync();

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitAsync(ClientHarness.Wait, Ct));

        Assert.Equal("execute_request: no iopub status idle within 2 s", ex.Message);
    }

    [Fact]
    public async Task Execute_IdleButNoReply_TimesOutNamingTheReply()
    {
        var run = _h.Client.ExecuteAsync("1", new ExecuteOptions { Timeout = TimeSpan.FromSeconds(2) }, cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.Status(request, ExecutionStates.Idle);
        await _h.IOPubDrainedAsync();

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitAsync(ClientHarness.Wait, Ct));

        Assert.Equal("execute_request: no execute_reply within 2 s", ex.Message);
    }

    [Fact]
    public async Task Execute_SecondReplyToTheSameRequest_IsDropped_AndTheFirstIsReturned()
    {
        var run = _h.Client.ExecuteAsync("1", cancellationToken: Ct);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        _h.Kernel.ExecuteReply(request, 1);
        await _h.ShellDrainedAsync();

        await AssertDroppedAsync(() => _h.Kernel.ExecuteReply(request, 2));
        _h.Kernel.Status(request, ExecutionStates.Idle);
        var result = await ClientHarness.Within(run, "the execution to finish after idle");

        Assert.Equal(1, result.ExecutionCount);
    }

    [Fact]
    public async Task Request_Cancelled_ThrowsAndForgetsThePendingEntry()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = _h.Client.CompleteAsync("x", 1, cts.Token);
        var request = await _h.Kernel.ReceiveAsync(KernelChannel.Shell);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(ClientHarness.Wait, Ct));
        await AssertDroppedAsync(() => _h.Kernel.Reply(KernelChannel.Shell, request, MessageTypes.CompleteReply, new CompleteReply(), Json.CompleteReply));
    }

    [Fact]
    public async Task UnknownReply_IsLoggedAndDropped_AndTheClientCarriesOn()
    {
        var stranger = _h.Kernel.Session.CreateRaw(MessageTypes.KernelInfoRequest, default);

        await AssertDroppedAsync(() => _h.Kernel.Reply(KernelChannel.Control, stranger, MessageTypes.KernelInfoReply, new KernelInfoReply(), Json.KernelInfoReply));
        await _h.ShellDrainedAsync();
    }

    [Fact]
    public async Task RequestAsync_OnIOPub_IsRefused()
    {
        var request = _h.Client.Session.CreateRaw(MessageTypes.KernelInfoRequest, default);

        await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.RequestAsync(KernelChannel.IOPub, request, cancellationToken: Ct));
    }

    [Fact]
    public async Task Dispose_FailsPendingCalls_ClosesChannels_AndRefusesNewOnes()
    {
        var call = _h.Client.KernelInfoAsync(cancellationToken: Ct);
        var run = _h.Client.ExecuteAsync("1", cancellationToken: Ct);
        await _h.Kernel.ReceiveAsync(KernelChannel.Shell);
        await _h.Kernel.ReceiveAsync(KernelChannel.Shell);

        await _h.Client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(ClientHarness.Wait, Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => run.WaitAsync(ClientHarness.Wait, Ct));
        Assert.True(_h.Channels.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _h.Client.KernelInfoAsync(cancellationToken: Ct));
        Assert.Throws<ObjectDisposedException>(_h.Client.StartHeartbeatMonitor);
    }

    private async Task AssertDroppedAsync(Action deliver)
    {
        var logged = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLogged(EventId id)
        {
            if (id.Id == 1)
            {
                logged.TrySetResult(true);
            }
        }

        _h.Log.Logged += OnLogged;
        try
        {
            deliver();
            await ClientHarness.Within(logged.Task, "the unmatched reply to be logged as dropped");
        }
        finally
        {
            _h.Log.Logged -= OnLogged;
        }

        Assert.Contains(_h.Log.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("matches no pending request", StringComparison.Ordinal));
    }
}
