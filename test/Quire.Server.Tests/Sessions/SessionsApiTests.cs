using System.Net;
using System.Text;
using System.Text.Json;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Sessions;

public sealed class SessionsApiTests
{
    private const string Unknown = "00000000-0000-0000-0000-000000000000";

    [Theory]
    [InlineData("", "No JSON data provided")]
    [InlineData("{}", "Missing field in JSON data: path")]
    [InlineData("""{"path": "a.ipynb"}""", "Missing field in JSON data: type")]
    public async Task Create_WithoutPathOrType_Is400_AsJupyterServer(string body, string message)
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await PostAsync(server, "api/sessions", body);
        var error = await KernelServer.ReadAsync(response, HttpStatusCode.BadRequest, "POST /api/sessions");

        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_WithAnUnknownKernel_Is501_WithMessageAndShortMessage()
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await PostAsync(server, "api/sessions", """{"path": "a.ipynb", "type": "notebook", "kernel": {"name": "nope"}}""");
        var error = await KernelServer.ReadAsync(response, HttpStatusCode.NotImplemented, "POST /api/sessions with kernel nope");

        Assert.Equal(
            "The 'nope' kernel is not available. Please pick another suitable kernel instead, or install that kernel.",
            error.GetProperty("message").GetString());
        Assert.Equal("nope not found", error.GetProperty("short_message").GetString());
    }

    [Fact]
    public async Task Create_Returns201WithModel_AndASecondCreateForThePath_ReturnsTheSameSession()
    {
        await using var server = await KernelServer.StartAsync();

        using var first = await PostAsync(server, "api/sessions", """{"path": "a.ipynb", "type": "notebook", "name": "a.ipynb", "kernel": {"name": "quire-test"}}""");
        var model = await KernelServer.ReadAsync(first, HttpStatusCode.Created, "POST /api/sessions");
        using var second = await PostAsync(server, "api/sessions", """{"path": "a.ipynb", "type": "notebook", "kernel": {"name": "quire-test"}}""");
        var again = await KernelServer.ReadAsync(second, HttpStatusCode.Created, "POST /api/sessions for the same path");

        var id = model.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"/api/sessions/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal(["id", "path", "name", "type", "kernel", "notebook"], model.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a.ipynb", model.GetProperty("path").GetString());
        Assert.Equal("notebook", model.GetProperty("type").GetString());
        Assert.Equal("quire-test", model.GetProperty("kernel").GetProperty("name").GetString());
        Assert.Equal("a.ipynb", model.GetProperty("notebook").GetProperty("path").GetString());
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Single((await server.GetJsonAsync("api/kernels")).EnumerateArray());
    }

    [Fact]
    public async Task Create_WithAnExistingKernelId_SharesThatKernel()
    {
        await using var server = await KernelServer.StartAsync();
        var kernelId = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        using var response = await PostAsync(server, "api/sessions", $$$"""{"path": "console-1", "type": "console", "kernel": {"id": "{{{kernelId}}}"}}""");
        var model = await KernelServer.ReadAsync(response, HttpStatusCode.Created, "POST /api/sessions with a kernel id");

        Assert.Equal(kernelId, model.GetProperty("kernel").GetProperty("id").GetString());
        Assert.False(model.TryGetProperty("notebook", out _), "only notebook sessions carry the old notebook key");
        Assert.Single((await server.GetJsonAsync("api/kernels")).EnumerateArray());
    }

    [Fact]
    public async Task ListAndGet_ShowTheSession()
    {
        await using var server = await KernelServer.StartAsync();
        var session = await CreateAsync(server, "b.ipynb");
        var id = session.GetProperty("id").GetString()!;

        Assert.Equal([id], (await server.GetJsonAsync("api/sessions")).EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("b.ipynb", (await server.GetJsonAsync($"api/sessions/{id}")).GetProperty("path").GetString());
    }

    [Fact]
    public async Task Patch_RenamesPathAndName()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await CreateAsync(server, "old.ipynb")).GetProperty("id").GetString()!;

        using var response = await PatchAsync(server, $"api/sessions/{id}", """{"path": "new.ipynb", "name": "new"}""");
        var model = await KernelServer.ReadAsync(response, HttpStatusCode.OK, "PATCH path and name");

        Assert.Equal("new.ipynb", model.GetProperty("path").GetString());
        Assert.Equal("new", model.GetProperty("name").GetString());
        Assert.Equal("new.ipynb", model.GetProperty("notebook").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Patch_WithANewKernelName_StartsItAndShutsTheOldOneDown()
    {
        await using var server = await KernelServer.StartAsync(specs: s => s.Write("quire-test-2", "Second test kernel"));
        var session = await CreateAsync(server, "c.ipynb");
        var id = session.GetProperty("id").GetString()!;
        var oldKernel = session.GetProperty("kernel").GetProperty("id").GetString()!;

        using var response = await PatchAsync(server, $"api/sessions/{id}", """{"kernel": {"name": "quire-test-2"}}""");
        var model = await KernelServer.ReadAsync(response, HttpStatusCode.OK, "PATCH kernel name");

        Assert.Equal("quire-test-2", model.GetProperty("kernel").GetProperty("name").GetString());
        Assert.NotEqual(oldKernel, model.GetProperty("kernel").GetProperty("id").GetString());
        await server.GetJsonAsync($"api/kernels/{oldKernel}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "No JSON data provided")]
    [InlineData("""{"kernel": {"id": "00000000-0000-0000-0000-000000000000"}}""", HttpStatusCode.BadRequest, "No such kernel: 00000000-0000-0000-0000-000000000000")]
    public async Task Patch_BadRequests_AreRefusedAsJupyterServer(string body, HttpStatusCode status, string message)
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await CreateAsync(server, "d.ipynb")).GetProperty("id").GetString()!;

        using var response = await PatchAsync(server, $"api/sessions/{id}", body);
        var error = await KernelServer.ReadAsync(response, status, "PATCH");

        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Patch_WithAnUnknownKernelName_Is501()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await CreateAsync(server, "e.ipynb")).GetProperty("id").GetString()!;

        using var response = await PatchAsync(server, $"api/sessions/{id}", """{"kernel": {"name": "nope"}}""");
        var error = await KernelServer.ReadAsync(response, HttpStatusCode.NotImplemented, "PATCH kernel nope");

        Assert.StartsWith("The 'nope' kernel could not be started: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Error starting kernel nope", error.GetProperty("short_message").GetString());
    }

    [Fact]
    public async Task Delete_Is204_AndShutsTheKernelDown()
    {
        await using var server = await KernelServer.StartAsync();
        var session = await CreateAsync(server, "f.ipynb");
        var id = session.GetProperty("id").GetString()!;
        var kernelId = session.GetProperty("kernel").GetProperty("id").GetString()!;

        using var response = await server.Client.DeleteAsync(new Uri($"api/sessions/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await server.GetJsonAsync($"api/kernels/{kernelId}", HttpStatusCode.NotFound);
        Assert.Empty((await server.GetJsonAsync("api/sessions")).EnumerateArray());
    }

    [Fact]
    public async Task SessionOfAKernelShutDownDirectly_Ends()
    {
        await using var server = await KernelServer.StartAsync();
        var session = await CreateAsync(server, "g.ipynb");
        var kernelId = session.GetProperty("kernel").GetProperty("id").GetString()!;

        using var deleted = await server.Client.DeleteAsync(new Uri($"api/kernels/{kernelId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Empty((await server.GetJsonAsync("api/sessions")).EnumerateArray());
        await server.GetJsonAsync($"api/sessions/{session.GetProperty("id").GetString()}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task UnknownSession_Is404_WithJupyterServersMessage(string method)
    {
        await using var server = await KernelServer.StartAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"api/sessions/{Unknown}", UriKind.Relative))
        {
            Content = method == "PATCH" ? new StringContent("""{"path": "x"}""", Encoding.UTF8, "application/json") : null,
        };
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var error = await KernelServer.ReadAsync(response, HttpStatusCode.NotFound, $"{method} of an unknown session");

        Assert.Equal($"Session not found: session_id='{Unknown}'", error.GetProperty("message").GetString());
    }

    private static async Task<JsonElement> CreateAsync(KernelServer server, string path)
    {
        using var response = await PostAsync(server, "api/sessions", $$$"""{"path": "{{{path}}}", "type": "notebook", "kernel": {"name": "quire-test"}}""");
        return await KernelServer.ReadAsync(response, HttpStatusCode.Created, $"POST /api/sessions for {path}");
    }

    private static Task<HttpResponseMessage> PostAsync(KernelServer server, string url, string body) =>
        server.Client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> PatchAsync(KernelServer server, string url, string body) =>
        server.Client.PatchAsync(new Uri(url, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
}
