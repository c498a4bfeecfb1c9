using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>jupyter_server's response headers, on answers and refusals alike.</summary>
public sealed class SecurityHeadersTests
{
    private const string Base = "frame-ancestors 'self'; report-uri /api/security/csp-report";

    [Theory]
    [InlineData("api/contents", true)]
    [InlineData("api/contents/nope", true)]
    [InlineData("api/no-such-service", true)]
    public async Task ApiResponses_LoadNothing(string url, bool authenticated)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, authenticated ? ServerHost.TestToken : null);
        using var stranger = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync(url);
        using var refused = await stranger.FetchAsync(url);

        foreach (var r in new[] { response, refused })
        {
            Assert.Equal($"{Base}; default-src 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(r.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task Pages_MayBeFramedOnlyByThisServer()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync("login");

        Assert.Equal(Base, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task UsersFiles_AreSandboxed()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("x.svg"), "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync("files/x.svg");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"{Base}; sandbox allow-scripts", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task BaseUrl_IsInTheReportUri()
    {
        await using var server = await ServerHost.StartAsync(o => o with { BaseUrl = "/quire/" }, cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync("api/contents");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("frame-ancestors 'self'; report-uri /quire/api/security/csp-report; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
