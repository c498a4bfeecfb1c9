using System.Net;
using Quire.Web.Tests.Infrastructure;

namespace Quire.Web.Tests;

/// <summary>The server side of the UI over HTTP, without a browser: addresses, login redirects, caching and CSP.</summary>
public sealed class UiRoutesTests
{
    [Fact]
    public async Task Root_RedirectsToTree()
    {
        await using var server = await StartAsync();
        using var client = NewClient(server);
        using var response = await client.GetAsync(new Uri(server.BaseUrl, "/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tree/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("tree/")]
    [InlineData("notebooks/a%20b/c.ipynb")]
    public async Task Page_WithoutLogin_RedirectsToLoginRememberingWhereItWasGoing(string page)
    {
        await using var server = await StartAsync();
        using var client = NewClient(server);
        using var response = await client.GetAsync(new Uri(server.BaseUrl, page), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.StartsWith("/login?next=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/" + page.Split('/')[0]), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithToken_ServesTheAppUncachedWithConfigAndAStrictScriptPolicy()
    {
        await using var server = await StartAsync();
        using var client = NewClient(server);
        using var response = await client.GetAsync(new Uri(server.BaseUrl, $"notebooks/x.ipynb?token={server.Token}"), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page carries the config and must not be cached");
        Assert.Contains("<script id=\"quire-config\" type=\"application/json\">{\"baseUrl\":\"/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, html, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("_xsrf=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticFiles_AreImmutableAndCannotEscapeTheirFolder()
    {
        await using var server = await StartAsync();
        using var client = NewClient(server);
        var cancellationToken = TestContext.Current.CancellationToken;
        var html = await client.GetStringAsync(new Uri(server.BaseUrl, $"tree/?token={server.Token}"), cancellationToken);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"/(static/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script), $"index.html names no script under /static/: {html}");
        using var asset = await client.GetAsync(new Uri(server.BaseUrl, script), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        using var escape = await client.GetAsync(new Uri(server.BaseUrl, "static/..%2Findex.html"), cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [Fact]
    public async Task OutputFrame_IsSandboxedWithoutNetworkAndNeedsNoLogin()
    {
        await using var server = await StartAsync();
        using var client = NewClient(server);
        using var response = await client.GetAsync(new Uri(server.BaseUrl, "output-frame"), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        // An opaque origin (no allow-same-origin), nothing fetched, framed only by the app.
        Assert.StartsWith("sandbox allow-scripts;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("event.source !== parent", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the frame's page must not set cookies");
    }

    private static async Task<QuireServe> StartAsync()
    {
        WebEnvironment.RequireServer();
        return await QuireServe.StartAsync(TestContext.Current.CancellationToken);
    }

    private static HttpClient NewClient(QuireServe server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseUrl };
}
