using System.Net;
using System.Text.Json;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

public sealed class KernelsApiTests
{
    private const string Unknown = "00000000-0000-0000-0000-000000000000";

    [Fact]
    public async Task Start_Returns201_WithLocationAndJupyterServersModel()
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await server.Client.PostAsync(
            new Uri("api/kernels", UriKind.Relative), Json("""{"name": "quire-test"}"""), TestContext.Current.CancellationToken);
        var model = await KernelServer.ReadAsync(response, HttpStatusCode.Created, "POST /api/kernels");

        var id = model.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _), $"kernel ids are UUIDs, got {id}");
        Assert.Equal($"/api/kernels/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("quire-test", model.GetProperty("name").GetString());
        Assert.Equal("idle", model.GetProperty("execution_state").GetString());
        Assert.Equal(0, model.GetProperty("connections").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$", model.GetProperty("last_activity").GetString());
        Assert.Equal(["id", "name", "last_activity", "execution_state", "connections"], model.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ListAndGet_ShowTheRunningKernel_AndDelete_RemovesIt()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        var list = await server.GetJsonAsync("api/kernels");
        Assert.Equal([id], list.EnumerateArray().Select(k => k.GetProperty("id").GetString()));
        var one = await server.GetJsonAsync($"api/kernels/{id}");
        Assert.Equal(id, one.GetProperty("id").GetString());

        using var deleted = await server.Client.DeleteAsync(new Uri($"api/kernels/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await server.GetJsonAsync("api/kernels")).EnumerateArray());
        var gone = await server.GetJsonAsync($"api/kernels/{id}", HttpStatusCode.NotFound);
        Assert.Equal($"Kernel does not exist: {id}", gone.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StartWithoutBody_StartsTheDefaultKernel()
    {
        await using var server = await KernelServer.StartAsync(systemKernels: false);

        using var response = await server.Client.PostAsync(new Uri("api/kernels", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var model = await KernelServer.ReadAsync(response, HttpStatusCode.Created, "POST /api/kernels without a body");

        // Without python3 on the search path the default is Quire's C# kernel.
        Assert.Equal("csharp", model.GetProperty("name").GetString());
    }

    [Fact]
    public async Task StartOfAnUnknownKernelspec_Is500NamingIt_AsJupyterServer()
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("api/kernels", UriKind.Relative), Json("""{"name": "nope"}"""), TestContext.Current.CancellationToken);
        var body = await KernelServer.ReadAsync(response, HttpStatusCode.InternalServerError, "POST /api/kernels {name: nope}");

        Assert.Equal("No such kernel named nope", body.GetProperty("message").GetString());
        Assert.Equal(string.Empty, body.GetProperty("traceback").GetString());
    }

    [Fact]
    public async Task InvalidJsonBody_Is400()
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("api/kernels", UriKind.Relative), Json("not json"), TestContext.Current.CancellationToken);
        var body = await KernelServer.ReadAsync(response, HttpStatusCode.BadRequest, "POST /api/kernels with a bad body");

        Assert.Equal("Invalid JSON in body of request", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/interrupt")]
    [InlineData("POST", "/restart")]
    [InlineData("GET", "/channels")]
    public async Task UnknownKernel_Is404_WithJupyterServersBody(string method, string suffix)
    {
        await using var server = await KernelServer.StartAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"api/kernels/{Unknown}{suffix}", UriKind.Relative));
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await KernelServer.ReadAsync(response, HttpStatusCode.NotFound, $"{method} api/kernels/{Unknown}{suffix}");

        Assert.Equal($"Kernel does not exist: {Unknown}", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Interrupt_Is204_AndRestart_Is200WithTheModel()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        using var interrupted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/interrupt", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, interrupted.StatusCode);

        using var restarted = await server.Client.PostAsync(new Uri($"api/kernels/{id}/restart", UriKind.Relative), null, TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
        var model = await KernelServer.ReadAsync(restarted, HttpStatusCode.OK, "POST restart");
        Assert.Equal(id, model.GetProperty("id").GetString());
        Assert.Equal("idle", model.GetProperty("execution_state").GetString());

        // The restarted kernel runs code for a client connecting afterwards.
        await using var socket = await server.ConnectAsync(id);
        var messages = await socket.ExecuteAsync("print after restart");
        Assert.Contains(messages, m => m.MsgType == "stream" && m.Text("text") == "after restart\n");
    }

    [Fact]
    public async Task ChannelsWithoutUpgrade_Is400()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        var body = await server.GetJsonAsync($"api/kernels/{id}/channels", HttpStatusCode.BadRequest);

        Assert.Equal("Can \"Upgrade\" only to \"WebSocket\".", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task KernelStartsInTheDirectoryOfItsPath()
    {
        await using var server = await KernelServer.StartAsync();
        Directory.CreateDirectory(server.Host.PathOf("sub"));

        var id = (await server.StartKernelAsync(path: "sub/notebook.ipynb")).GetProperty("id").GetString()!;

        Assert.True(server.Registry.TryGet(id, out var kernel));
        Assert.Equal(server.Host.PathOf("sub"), server.Registry.WorkingDirectoryFor("sub/notebook.ipynb"));
        Assert.Equal(server.Host.Root, server.Registry.WorkingDirectoryFor("../../etc"));
        Assert.Equal(server.Host.Root, server.Registry.WorkingDirectoryFor("missing/dir/nb.ipynb"));
        Assert.Equal("quire-test", kernel.Name);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
