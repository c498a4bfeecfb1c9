using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>
/// Cookie-authenticated unsafe requests must echo the <c>_xsrf</c> cookie (CVE-2016-9971, CVE-2020-36191);
/// token-authenticated ones need not, as in jupyter_server.
/// </summary>
public sealed class XsrfTests
{
    private static readonly object Body = new { type = "file", format = "text", content = "x" };

    [Fact]
    public async Task CookieAuthenticatedPut_WithoutTheHeader_Is403()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", $"{session.LoginCookieName}={session.LoginCookie}");

        var error = await client.PutJsonAsync("api/contents/a.txt", Body).ExpectAsync(403);

        Assert.Equal("'_xsrf' argument missing from PUT", error.GetProperty("message").GetString());
        Assert.False(File.Exists(server.PathOf("a.txt")));
    }

    [Fact]
    public async Task CookieAuthenticatedPut_WithAWrongHeader_Is403()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Add("X-XSRFToken", session.Xsrf + "0");

        var error = await client.PutJsonAsync("api/contents/a.txt", Body).ExpectAsync(403);

        Assert.Equal("XSRF cookie does not match PUT argument", error.GetProperty("message").GetString());
        Assert.False(File.Exists(server.PathOf("a.txt")));
    }

    [Theory]
    [InlineData("X-XSRFToken")]
    [InlineData("X-CSRFToken")]
    public async Task CookieAuthenticatedPut_EchoingTheCookie_IsAccepted(string header)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Add(header, session.Xsrf);

        await client.PutJsonAsync("api/contents/a.txt", Body).ExpectAsync(201);
        await client.DeletePathAsync("api/contents/a.txt").ExpectAsync(204);
    }

    [Fact]
    public async Task XsrfInTheQuery_IsAccepted()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);

        await client.PutJsonAsync($"api/contents/a.txt?_xsrf={session.Xsrf}", Body).ExpectAsync(201);
    }

    [Fact]
    public async Task TokenAuthenticatedRequests_NeedNoXsrf()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        using var query = TestHttp.NewClient(server, token: null);

        await client.PutJsonAsync("api/contents/a.txt", Body).ExpectAsync(201);
        await query.PutJsonAsync($"api/contents/b.txt?token={ServerHost.TestToken}", Body).ExpectAsync(201);
    }

    [Fact]
    public async Task CookieAuthenticatedRead_NeedsNoXsrf()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", $"{session.LoginCookieName}={session.LoginCookie}");

        await client.FetchAsync("api/contents").ExpectAsync(200);
    }

    [Fact]
    public async Task NoCorsFormPost_IsNotExempt()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Add("Sec-Fetch-Mode", "no-cors");

        using var response = await client.PostAsync(
            new Uri("api/contents", UriKind.Relative),
            new FormUrlEncodedContent([new("type", "notebook")]),
            TestHttp.Ct);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Empty(Directory.GetFileSystemEntries(server.Root));
    }

    [Fact]
    public async Task CspReports_AreTakenWithoutXsrf()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", $"{session.LoginCookieName}={session.LoginCookie}");

        using var response = await client.PostAsync(
            new Uri("api/security/csp-report", UriKind.Relative),
            TestHttp.RawJson("""{"csp-report": {"violated-directive": "script-src", "blocked-uri": "https://evil.example/x.js?token=abc"}}"""),
            TestHttp.Ct);

        Assert.Equal(204, (int)response.StatusCode);
    }
}
