using System.Net.WebSockets;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

public sealed class KernelWebSocketTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Execute_OverEitherProtocol_DeliversStreamResultReplyAndIdle(bool v1)
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id, v1: v1);

        var messages = await socket.ExecuteAsync("print hello\nresult 42");

        Assert.Equal(v1 ? KernelWebSocket.V1Protocol : null, socket.SubProtocol);
        Assert.Contains(messages, m => m.Channel == "iopub" && m.MsgType == "stream" && m.Text("text") == "hello\n");
        Assert.Contains(messages, m => m.MsgType == "execute_result" && m.Content.GetProperty("data").GetProperty("text/plain").GetString() == "42");
        var reply = Assert.Single(messages, m => m.MsgType == "execute_reply");
        Assert.Equal("shell", reply.Channel);
        Assert.Equal("ok", reply.Text("status"));
        Assert.All(socket.Received, m => Assert.Equal(!v1, m.WasText));
    }

    [Fact]
    public async Task V1_IsChosenOnlyWhenOffered_AmongOtherSubprotocols()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        await using var offered = await KernelWebSocket.ConnectAsync(server.BaseUrl, id, null, offerV1: true, extraProtocol: "something.else");
        await using var other = await KernelWebSocket.ConnectAsync(server.BaseUrl, id, null, offerV1: false, extraProtocol: "something.else");

        Assert.Equal(KernelWebSocket.V1Protocol, offered.SubProtocol);
        Assert.Null(other.SubProtocol);
    }

    [Fact]
    public async Task Replies_GoOnlyToTheRequestingSocket_WhileIOPubGoesToAll()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var a = await server.ConnectAsync(id, "session-a");
        await using var b = await server.ConnectAsync(id, "session-b", v1: false);

        var fromA = await a.SendAsync("shell", "kernel_info_request");
        await a.WaitForAsync(m => m.ParentMsgId == fromA && m.MsgType == "kernel_info_reply", Within.Kernel, "A's kernel_info_reply");
        await b.WaitForAsync(m => m.ParentMsgId == fromA && m.IsStatus("idle"), Within.Kernel, "the idle status of A's request, on B too");
        var fromB = await b.SendAsync("shell", "kernel_info_request");
        await b.WaitForAsync(m => m.ParentMsgId == fromB && m.MsgType == "kernel_info_reply", Within.Kernel, "B's kernel_info_reply");
        await a.WaitForAsync(m => m.ParentMsgId == fromB && m.IsStatus("idle"), Within.Kernel, "the idle status of B's request, on A too");

        Assert.DoesNotContain(b.Received, m => m.Channel == "shell" && m.ParentMsgId == fromA);
        Assert.DoesNotContain(a.Received, m => m.Channel == "shell" && m.ParentMsgId == fromB);
        Assert.Equal(2, (await server.GetJsonAsync($"api/kernels/{id}")).GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task InputRequest_GoesToTheRequester_AndItsReplyReachesTheKernel()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var asker = await server.ConnectAsync(id, "asker");
        await using var bystander = await server.ConnectAsync(id, "bystander");

        var execute = await asker.SendExecuteAsync("input name?", allowStdin: true);
        var request = await asker.WaitForAsync(m => m.Channel == "stdin" && m.MsgType == "input_request", Within.Kernel, "the kernel's input_request");
        Assert.Equal("name?", request.Text("prompt"));
        await asker.SendAsync("stdin", "input_reply", """{"value": "Ada"}""", parentHeader: request.Header.GetRawText());
        var messages = await asker.WaitForExecutionAsync(execute, Within.Kernel);

        Assert.Contains(messages, m => m.MsgType == "stream" && m.Text("text") == "got: Ada\n");
        await bystander.WaitForAsync(m => m.ParentMsgId == execute && m.IsStatus("idle"), Within.Kernel, "the execution's idle status");
        Assert.DoesNotContain(bystander.Received, m => m.Channel == "stdin");
    }

    [Fact]
    public async Task ASecondSocketWithTheSameSession_ReplacesTheStaleOne()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var stale = await server.ConnectAsync(id, "same-session");

        await using var fresh = await server.ConnectAsync(id, "same-session");

        await stale.WaitClosedAsync(Within.Kernel, "the server to close the stale socket of the same session");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, stale.CloseStatus);
        var messages = await fresh.ExecuteAsync("print still here");
        Assert.Contains(messages, m => m.MsgType == "stream");
        Assert.Equal(1, (await server.GetJsonAsync($"api/kernels/{id}")).GetProperty("connections").GetInt32());
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure)]
    [InlineData((WebSocketCloseStatus)4000)]
    public async Task AClientsClose_IsAnsweredWithTheClientsOwnStatus(WebSocketCloseStatus status)
    {
        // @jupyterlab/services reconnects unless the close it sees is 1000 or 1001: an answer of 1000 to a 4000 would
        // stop a browser from ever reconnecting.
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        await socket.CloseAsync(status);

        Assert.Equal(status, socket.CloseStatus);
    }

    [Fact]
    public async Task ShuttingTheKernelDown_ClosesItsSockets()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        using var deleted = await server.Client.DeleteAsync(new Uri($"api/kernels/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        await socket.WaitClosedAsync(Within.Kernel, "the socket of a shut-down kernel to be closed");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task MessageBuffers_TravelInBothProtocols()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var v1 = await server.ConnectAsync(id, v1: true);
        await using var legacy = await server.ConnectAsync(id, v1: false);

        // A comm message with buffers is forwarded (the test kernel ignores it); the connection stays usable.
        await v1.SendAsync("shell", "comm_msg", """{"comm_id": "x", "data": {}}""", buffers: [[1, 2, 3], [4]]);
        await legacy.SendAsync("shell", "comm_msg", """{"comm_id": "x", "data": {}}""", buffers: [[5, 6]]);

        Assert.Contains(await v1.ExecuteAsync("print ok"), m => m.MsgType == "stream");
        Assert.Contains(await legacy.ExecuteAsync("print ok"), m => m.MsgType == "stream");
    }
}
