using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>Origin checks (cross-site requests on the user's cookie) and Host checks (DNS rebinding), HTTP and WebSocket.</summary>
public sealed class OriginAndHostTests
{
    private const string Channels = "/api/kernels/00000000-0000-0000-0000-000000000000/channels";

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example")]
    public async Task CookieAuthenticatedRequestFromAnotherOrigin_Is403(string origin)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Add("Origin", origin);

        await client.FetchAsync("api/contents").ExpectAsync(403);
    }

    [Fact]
    public async Task CookieAuthenticatedRequestFromThisServer_IsAccepted()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Add("Origin", $"http://127.0.0.1:{server.BaseUrl.Port}");

        await client.FetchAsync("api/contents").ExpectAsync(200);
    }

    [Fact]
    public async Task TokenAuthenticatedRequestFromAnotherOrigin_IsAccepted_WithItsOriginEchoed()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        client.DefaultRequestHeaders.Add("Origin", "https://vscode.example");

        using var response = await client.FetchAsync("api/contents");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://vscode.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task AllowOrigin_AdmitsThatOrigin()
    {
        await using var server = await ServerHost.StartAsync(o => o with { AllowOrigin = "https://lab.example" }, cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var allowed = session.Client(server);
        allowed.DefaultRequestHeaders.Add("Origin", "https://lab.example");
        using var other = session.Client(server);
        other.DefaultRequestHeaders.Add("Origin", "https://lab.example.evil.example");

        using var response = await allowed.FetchAsync("api/contents");
        await other.FetchAsync("api/contents").ExpectAsync(403);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://lab.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Preflight_IsAnsweredWithoutCredentials()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/contents");
        request.Headers.Add("Origin", "https://vscode.example");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");

        using var response = await client.SendAsync(request, TestHttp.Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("accept, content-type, authorization, x-xsrftoken", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "no allow_origin is configured");
    }

    [Fact]
    public async Task WebSocketUpgrade_FromAnotherOrigin_IsRefused_FromThisServer_PassesTheChecks()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);

        var foreign = await RawHttp.UpgradeAsync(server.BaseUrl, Channels, TestHttp.Ct, $"Cookie: {session.CookieHeader}", "Origin: http://evil.example");
        var own = await RawHttp.UpgradeAsync(server.BaseUrl, Channels, TestHttp.Ct, $"Cookie: {session.CookieHeader}", $"Origin: http://127.0.0.1:{server.BaseUrl.Port}");

        Assert.Equal(403, foreign.Status);
        Assert.NotEqual(403, own.Status);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.1")]
    public async Task ForeignHost_IsRefused_EvenWithTheToken(string host)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);

        var http = await RawHttp.GetAsync(server.BaseUrl, "/api/contents", TestHttp.Ct, $"Host: {host}", $"Authorization: token {ServerHost.TestToken}");
        var ws = await RawHttp.UpgradeAsync(server.BaseUrl, Channels, TestHttp.Ct, $"Host: {host}", $"Authorization: token {ServerHost.TestToken}");

        Assert.Equal(403, http.Status);
        Assert.Equal(403, ws.Status);
        Assert.Contains("Host", http.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:8888")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2:80")]
    [InlineData("[::1]:8888")]
    [InlineData("lab.localhost")]
    [InlineData("localhost.")]
    public async Task LoopbackHosts_AreAnswered(string host)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);

        var response = await RawHttp.GetAsync(server.BaseUrl, "/api/contents", TestHttp.Ct, $"Host: {host}", $"Authorization: token {ServerHost.TestToken}");

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task ConfiguredHostnames_AndRemoteAccess_AreAnswered()
    {
        await using var named = await ServerHost.StartAsync(o => o with { LocalHostnames = ["notebooks.lan"] }, cancellationToken: TestHttp.Ct);
        await using var open = await ServerHost.StartAsync(o => o with { AllowRemoteAccess = true }, cancellationToken: TestHttp.Ct);

        var byName = await RawHttp.GetAsync(named.BaseUrl, "/api/contents", TestHttp.Ct, "Host: Notebooks.LAN:8888", $"Authorization: token {ServerHost.TestToken}");
        var anyHost = await RawHttp.GetAsync(open.BaseUrl, "/api/contents", TestHttp.Ct, "Host: anything.example", $"Authorization: token {ServerHost.TestToken}");

        Assert.Equal(200, byName.Status);
        Assert.Equal(200, anyHost.Status);
    }
}
