using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quire.Server.Contents;
using Quire.Server.Tests.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>
/// Tokens, passwords, cookies and file content never reach the log, at any level, whatever happens: accepted and
/// refused tokens in headers and queries, logins, cookie sessions, a failing save (CVE-2022-24757, GHSA-c3mw-737p-c7g2).
/// </summary>
public sealed class LogSecrecyTests
{
    private const string Content = "FILE-CONTENT-7f3a9c";
    private const string WrongToken = "wrong-token-5d1e2b7c";

    [Fact]
    public async Task NothingSecretIsLogged()
    {
        var logs = new CapturingLoggerProvider();
        var writer = new FaultyContentsWriter(failAfterBytes: 4, fails: p => p.EndsWith("fails.txt", StringComparison.Ordinal));
        await using var server = await ServerHost.StartAsync(
            o => o with { PasswordHash = PasswordHashTests.Pbkdf2Hash },
            b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Trace);
                b.Logging.AddProvider(logs);
                b.Services.AddSingleton<IContentsWriter>(writer);
            },
            TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        using var anonymous = TestHttp.NewClient(server, token: null);
        using var wrong = TestHttp.NewClient(server, WrongToken);

        await client.PutJsonAsync("api/contents/a.txt", new { type = "file", format = "text", content = Content }).ExpectAsync(201);
        await client.FetchAsync("api/contents/a.txt").ExpectAsync(200);
        await client.PutJsonAsync("api/contents/fails.txt", new { type = "file", format = "text", content = Content }).ExpectAsync(500);
        await anonymous.FetchAsync($"api/contents/a.txt?token={ServerHost.TestToken}").ExpectAsync(200);
        await anonymous.FetchAsync($"files/a.txt?token={WrongToken}").ExpectAsync(302);
        await wrong.FetchAsync("api/contents").ExpectAsync(403);
        var session = await BrowserSession.OpenAsync(server);
        using var browser = session.Client(server);
        browser.DefaultRequestHeaders.Referrer = new Uri($"http://127.0.0.1:{server.BaseUrl.Port}/lab?token={ServerHost.TestToken}");
        await browser.FetchAsync("files/a.txt").ExpectAsync(200);
        await browser.PutJsonAsync("api/contents/b.txt", new { type = "file", format = "text", content = Content }).ExpectAsync(403);
        using var login = await anonymous.PostAsync(
            new Uri("login", UriKind.Relative),
            new FormUrlEncodedContent([new("password", PasswordHashTests.Password), new("_xsrf", session.Xsrf)]),
            TestHttp.Ct);

        var text = string.Join("\n", logs.Entries);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains("fails.txt", text, StringComparison.Ordinal);
        foreach (var secret in new[] { ServerHost.TestToken, WrongToken, PasswordHashTests.Password, session.LoginCookie, session.Xsrf, Content })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
