using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

/// <summary>A kernel that dies: restarted with <c>restarting</c> then <c>idle</c> on every socket, or given up as <c>dead</c>.</summary>
public sealed class KernelLifecycleTests
{
    [Fact]
    public async Task KernelThatDies_IsRestarted_AndEverySocketSeesRestartingThenIdle()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var a = await server.ConnectAsync(id, "a");
        await using var b = await server.ConnectAsync(id, "b", v1: false);

        await a.SendExecuteAsync("exit 3");

        foreach (var socket in new[] { a, b })
        {
            var restarting = await socket.WaitForAsync(m => m.IsStatus("restarting"), Within.Kernel, "a restarting status after the kernel died");
            var idle = await socket.WaitForAsync(
                m => m.IsStatus("idle") && m.ParentMsgId is null && socket.Received.ToList().IndexOf(m) > socket.Received.ToList().IndexOf(restarting),
                Within.Kernel,
                "an idle status from the server once the kernel was restarted");
            Assert.NotNull(idle);
        }

        Assert.Equal("idle", (await server.GetJsonAsync($"api/kernels/{id}")).GetProperty("execution_state").GetString());
        Assert.Contains(await a.ExecuteAsync("print back"), m => m.MsgType == "stream" && m.Text("text") == "back\n");
    }

    [Fact]
    public async Task KernelThatDiesPastTheRestartLimit_IsDead_OnEverySocketAndInItsModel()
    {
        await using var server = await KernelServer.StartAsync(k => k with { KernelManager = k.KernelManager with { RestartLimit = 0 } });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        await socket.SendExecuteAsync("exit 4");

        await socket.WaitForAsync(m => m.IsStatus("dead"), Within.Kernel, "a dead status once the kernel died and was not restarted");
        var model = await server.GetJsonAsync($"api/kernels/{id}");
        Assert.Equal("dead", model.GetProperty("execution_state").GetString());
        Assert.Contains("exited with code 4", model.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A restart through the API revives it.
        using var restarted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/restart", UriKind.Relative), null, TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
        var revived = await KernelServer.ReadAsync(restarted, System.Net.HttpStatusCode.OK, "POST restart of a dead kernel");
        Assert.Equal("idle", revived.GetProperty("execution_state").GetString());
        Assert.False(revived.TryGetProperty("reason", out _), "a revived kernel's model carries no failure reason");
    }

    [Fact]
    public async Task ExecutionState_FollowsIOPubStatus_BusyWhileRunning()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);
        var busy = server.WaitForStateAsync(id, "busy", "the kernel to be busy while a cell sleeps");

        var execute = await socket.SendExecuteAsync("sleep 30");
        await busy;
        Assert.Equal("busy", (await server.GetJsonAsync($"api/kernels/{id}")).GetProperty("execution_state").GetString());

        using var interrupted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/interrupt", UriKind.Relative), null, TestContext.Current.CancellationToken);
        await socket.WaitForExecutionAsync(execute, Within.Kernel);
        Assert.Equal("idle", (await server.GetJsonAsync($"api/kernels/{id}")).GetProperty("execution_state").GetString());
    }

    [Fact]
    public async Task IOPubFlood_PastTheRateLimit_IsWithheld_WithJupyterServersNotice()
    {
        await using var server = await KernelServer.StartAsync(k => k with { IOPubMsgRateLimit = 20, IOPubDataRateLimit = 0 });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        var messages = await socket.ExecuteAsync("flood 500 10");

        var notice = Assert.Single(messages, m => m.MsgType == "stream" && m.Text("name") == "stderr");
        Assert.StartsWith("IOPub message rate exceeded.", notice.Text("text"), StringComparison.Ordinal);
        var streams = messages.Count(m => m.MsgType == "stream" && m.Text("name") == "stdout");
        Assert.InRange(streams, 1, 100);
    }
}
