using System.Net.Http.Headers;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>Token and cookie authentication as jupyter_server's identity provider, failing closed.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task NoCredentials_Is403WithJupyterBody()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);

        var error = await client.FetchAsync("api/contents").ExpectAsync(403);

        Assert.Equal("Forbidden", error.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData("test-token-0123456789abcdeF")]
    [InlineData("test-token-0123456789abcde")]
    [InlineData("test-token-0123456789abcdef0")]
    [InlineData("")]
    public async Task ForgedToken_Is403(string token)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var header = TestHttp.NewClient(server, token);
        using var query = TestHttp.NewClient(server, token: null);

        await header.FetchAsync("api/contents").ExpectAsync(403);
        await query.FetchAsync($"api/contents?token={Uri.EscapeDataString(token)}").ExpectAsync(403);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("Token")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task TokenInTheAuthorizationHeader_IsAccepted(string scheme)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, ServerHost.TestToken);

        await client.FetchAsync("api/contents").ExpectAsync(200);
    }

    [Fact]
    public async Task TokenInTheQuery_SetsTheLoginCookie_WhichThenAuthenticatesAlone()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var first = TestHttp.NewClient(server, token: null);

        using var response = await first.FetchAsync($"api/contents?token={ServerHost.TestToken}");
        var setCookie = TestHttp.SetCookie(response, $"username-127-0-0-1-{server.BaseUrl.Port}");
        var session = await BrowserSession.OpenAsync(server);
        using var browser = session.Client(server);
        await browser.FetchAsync("api/contents").ExpectAsync(200);

        Assert.NotNull(setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ServerHost.TestToken, setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRequestWithAValidCookie_SetsNoNewCookie()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        using var client = session.Client(server);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", ServerHost.TestToken);

        using var response = await client.FetchAsync("api/contents");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(TestHttp.SetCookie(response, session.LoginCookieName));
    }

    [Fact]
    public async Task TamperedCookie_Is403_AndIsCleared()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var session = await BrowserSession.OpenAsync(server);
        var value = session.LoginCookie;
        var tampered = session with { LoginCookie = value[..^2] + (value[^2] == 'A' ? 'B' : 'A') + value[^1] };
        using var client = tampered.Client(server);

        using var response = await client.FetchAsync("api/contents");

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", TestHttp.SetCookie(response, session.LoginCookieName), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CookieOfAServerWithAnotherToken_IsRejected()
    {
        var data = Directory.CreateTempSubdirectory("quire-shared-data-").FullName;
        try
        {
            await using var first = await ServerHost.StartAsync(o => o with { DataDirectory = data }, cancellationToken: TestHttp.Ct);
            var session = await BrowserSession.OpenAsync(first);
            await using var second = await ServerHost.StartAsync(o => o with { DataDirectory = data, Token = "another-token-0123456789" }, cancellationToken: TestHttp.Ct);
            var moved = session with { LoginCookieName = $"username-127-0-0-1-{second.BaseUrl.Port}" };
            using var client = moved.Client(second);

            await client.FetchAsync("api/contents").ExpectAsync(403);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task BrowserNavigatingWithoutCredentials_IsSentToLogin_WithoutTheToken()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync("files/a.txt?download=1&token=wrong");

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("/login?next=%2Ffiles%2Fa.txt%3Fdownload%3D1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownRoutes_AreForbiddenToStrangers_And404ToUsers()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var stranger = TestHttp.NewClient(server, token: null);
        using var user = TestHttp.NewClient(server);

        await stranger.FetchAsync("api/no-such-thing").ExpectAsync(403);
        await user.FetchAsync("api/no-such-thing").ExpectAsync(404);
    }

    [Fact]
    public async Task WebSocketUpgradeWithoutCredentials_IsRefused()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);

        var response = await RawHttp.UpgradeAsync(server.BaseUrl, "/api/kernels/00000000-0000-0000-0000-000000000000/channels", TestHttp.Ct);

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task EmptyToken_DisablesTokenLogin()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Token = string.Empty, PasswordHash = PasswordHashTests.Pbkdf2Hash }, cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);

        await client.FetchAsync("api/contents?token=").ExpectAsync(403);
    }
}
