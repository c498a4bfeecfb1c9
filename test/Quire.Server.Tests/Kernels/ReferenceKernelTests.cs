using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

/// <summary>The real kernels a user runs, through the server: Debian's ipykernel and Quire's C# kernel, over both protocols.</summary>
public sealed class ReferenceKernelTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IPyKernel_ExecutesThroughTheWebSocket(bool v1)
    {
        ReferenceKernels.RequireIPyKernel();
        await using var server = await KernelServer.StartAsync(k => k with
        {
            KernelEnvironment = new Dictionary<string, string> { ["IPYTHONDIR"] = Path.Combine(Path.GetTempPath(), "quire-server-tests-ipython") },
        });
        var id = (await server.StartKernelAsync("python3")).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id, v1: v1);

        var messages = await socket.ExecuteAsync("print('hi'); 1+1");

        Assert.Contains(messages, m => m.MsgType == "stream" && m.Text("text") == "hi\n");
        Assert.Contains(messages, m => m.MsgType == "execute_result" && m.Content.GetProperty("data").GetProperty("text/plain").GetString() == "2");
        Assert.Equal("ok", messages.Single(m => m.MsgType == "execute_reply").Text("status"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CSharpKernel_ExecutesThroughTheWebSocket(bool v1)
    {
        await using var server = await KernelServer.StartAsync(systemKernels: false);
        var id = (await server.StartKernelAsync("csharp")).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id, v1: v1);

        var messages = await socket.ExecuteAsync("Console.WriteLine(\"hi\");\n1 + 1", timeout: TimeSpan.FromMinutes(2));

        Assert.Contains(messages, m => m.MsgType == "stream" && m.Text("text") == "hi\n");
        Assert.Contains(messages, m => m.MsgType == "execute_result" && m.Content.GetProperty("data").GetProperty("text/plain").GetString() == "2");
    }

    [Fact]
    public async Task IPyKernel_InterruptAndRestart_ThroughTheApi()
    {
        ReferenceKernels.RequireIPyKernel();
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync("python3")).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);
        var busy = server.WaitForStateAsync(id, "busy", "ipykernel to be busy in a long sleep");

        var execute = await socket.SendExecuteAsync("import time; time.sleep(60)");
        await busy;
        using var interrupted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/interrupt", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var messages = await socket.WaitForExecutionAsync(execute, Within.Kernel);

        Assert.Contains(messages, m => m.MsgType == "error" && m.Text("ename") == "KeyboardInterrupt");
        using var restarted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/restart", UriKind.Relative), null, TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, restarted.StatusCode);
        Assert.Contains(await socket.ExecuteAsync("print('again')"), m => m.MsgType == "stream" && m.Text("text") == "again\n");
    }
}
