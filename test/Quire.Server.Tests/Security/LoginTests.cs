using System.Text.RegularExpressions;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>/login and /logout: password (or token) form, XSRF-protected, safe redirects, cookies.</summary>
public sealed partial class LoginTests
{
    [Fact]
    public async Task LoginPage_HasTheFormWithAnXsrfField()
    {
        await using var server = await StartAsync();
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync("login?next=%2Ftree%3Fx%3D%22%3E%3Cscript%3E");
        var html = await response.Content.ReadAsStringAsync(TestHttp.Ct);
        var xsrf = TestHttp.SetCookie(response, "_xsrf");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(xsrf);
        Assert.Contains($"name=\"_xsrf\" value=\"{TestHttp.CookieValue(xsrf)}\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PasswordHashTests.Password)]
    [InlineData(ServerHost.TestToken)]
    public async Task RightPasswordOrToken_LogsIn_AndTheCookieWorks(string typed)
    {
        await using var server = await StartAsync();

        var (status, location, cookie) = await LoginAsync(server, typed, "/files/x.txt");
        using var browser = TestHttp.NewClient(server, token: null);
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(302, status);
        Assert.Equal("/files/x.txt", location);
        await browser.FetchAsync("api/contents").ExpectAsync(200);
    }

    [Fact]
    public async Task WrongPassword_Is401WithTheFormAgain_AndNoCookie()
    {
        await using var server = await StartAsync();
        using var client = TestHttp.NewClient(server, token: null);
        var xsrf = await XsrfAsync(client);

        using var response = await PostLoginAsync(client, xsrf, "not the password", "/");
        var html = await response.Content.ReadAsStringAsync(TestHttp.Ct);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Invalid credentials", html, StringComparison.Ordinal);
        Assert.Null(TestHttp.SetCookie(response, $"username-127-0-0-1-{server.BaseUrl.Port}"));
    }

    [Fact]
    public async Task LoginPostWithoutXsrf_Is403()
    {
        await using var server = await StartAsync();
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.PostAsync(
            new Uri("login", UriKind.Relative),
            new FormUrlEncodedContent([new("password", PasswordHashTests.Password)]),
            TestHttp.Ct);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x", "/")]
    [InlineData("///evil.example/x", "/")]
    [InlineData("\\\\evil.example\\x", "/")]
    [InlineData("https:///evil.example/x", "/")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("ftp://x", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("relative/path", "/")]
    [InlineData("/tree/a?b=c", "/tree/a?b=c")]
    public async Task Next_StaysOnThisServer(string next, string expected)
    {
        await using var server = await StartAsync();

        var (status, location, _) = await LoginAsync(server, PasswordHashTests.Password, next);

        Assert.Equal(302, status);
        Assert.Equal(expected, location);
    }

    [Fact]
    public async Task Logout_ClearsTheCookie()
    {
        await using var server = await StartAsync();
        var (_, _, cookie) = await LoginAsync(server, PasswordHashTests.Password, "/");
        using var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        using var response = await client.FetchAsync("logout");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", TestHttp.SetCookie(response, $"username-127-0-0-1-{server.BaseUrl.Port}"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChangingThePassword_InvalidatesExistingCookies()
    {
        var data = Directory.CreateTempSubdirectory("quire-login-data-").FullName;
        try
        {
            string cookie;
            await using (var before = await StartAsync(data, PasswordHashTests.Argon2idHash))
            {
                (_, _, cookie) = await LoginAsync(before, PasswordHashTests.Password, "/");
            }

            await using var same = await StartAsync(data, PasswordHashTests.Argon2idHash);
            await using var changed = await StartAsync(data, PasswordHashTests.Pbkdf2Hash);

            using var sameClient = CookieClient(same, cookie);
            using var changedClient = CookieClient(changed, cookie);
            await sameClient.FetchAsync("api/contents").ExpectAsync(200);
            await changedClient.FetchAsync("api/contents").ExpectAsync(403);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static HttpClient CookieClient(ServerHost server, string cookie)
    {
        // The cookie is named after the host and port; a restarted server listens elsewhere, so rename it.
        var value = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", $"username-127-0-0-1-{server.BaseUrl.Port}={value}");
        return client;
    }

    private static Task<ServerHost> StartAsync(string? data = null, string hash = PasswordHashTests.Argon2idHash) =>
        ServerHost.StartAsync(o => o with { PasswordHash = hash, DataDirectory = data ?? o.DataDirectory }, cancellationToken: TestHttp.Ct);

    private static async Task<(int Status, string? Location, string Cookie)> LoginAsync(ServerHost server, string password, string next)
    {
        using var client = TestHttp.NewClient(server, token: null);
        var xsrf = await XsrfAsync(client);
        using var response = await PostLoginAsync(client, xsrf, password, next);
        var name = $"username-127-0-0-1-{server.BaseUrl.Port}";
        var cookie = TestHttp.SetCookie(response, name);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, cookie is null ? string.Empty : $"{name}={TestHttp.CookieValue(cookie)}");
    }

    private static async Task<string> XsrfAsync(HttpClient client)
    {
        using var page = await client.FetchAsync("login");
        var html = await page.Content.ReadAsStringAsync(TestHttp.Ct);
        return XsrfField().Match(html).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string xsrf, string password, string next)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"login?next={Uri.EscapeDataString(next)}")
        {
            Content = new FormUrlEncodedContent([new("_xsrf", xsrf), new("password", password)]),
        };
        request.Headers.Add("Cookie", $"_xsrf={xsrf}");
        return client.SendAsync(request, TestHttp.Ct);
    }

    [GeneratedRegex("name=\"_xsrf\" value=\"([0-9a-f]+)\"")]
    private static partial Regex XsrfField();
}
