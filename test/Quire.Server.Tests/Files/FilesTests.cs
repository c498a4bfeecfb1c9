using System.Net.Http.Headers;
using Quire.Server.Tests.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;
using Quire.Server.Tests.Security;

namespace Quire.Server.Tests.Files;

/// <summary>GET /files/{path}: raw bytes with jupyter_server's Content-Type, attachment and caching rules.</summary>
public sealed class FilesTests
{
    [Theory]
    [InlineData("a.txt", "text/plain; charset=UTF-8")]
    [InlineData("x.svg", "image/svg+xml")]
    [InlineData("p.png", "image/png")]
    [InlineData("d.json", "application/json")]
    [InlineData("a.tar.gz", "application/gzip")]
    [InlineData("data.unknownext", "application/octet-stream")]
    [InlineData("noextension", "application/octet-stream")]
    public async Task ContentType_IsJupyterServers(string name, string contentType)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllBytes(server.PathOf(name), [1, 2, 3]);
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync($"files/{name}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync(TestHttp.Ct));
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Notebooks_AreDownloadedAsIpynbAttachments()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("my nb.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync("files/my%20nb.ipynb");

        Assert.Equal("application/x-ipynb+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename*=utf-8''my%20nb.ipynb", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(NotebookJson.Minimal, await response.Content.ReadAsStringAsync(TestHttp.Ct));
    }

    [Theory]
    [InlineData("files/a.txt?download=1", true)]
    [InlineData("files/a.txt?download=0", true)]
    [InlineData("files/a.txt?download=", false)]
    [InlineData("files/a.txt", false)]
    public async Task Download_AsksForAnAttachment(string url, bool attachment)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync(url);

        Assert.Equal(attachment, response.Content.Headers.ContentDisposition?.DispositionType == "attachment");
    }

    [Theory]
    [InlineData("files/nope.txt")]
    [InlineData("files/.env")]
    [InlineData("files/sub")]
    [InlineData("files/.hidden/a.txt")]
    public async Task MissingHiddenOrDirectories_Are404(string url)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf(".env"), "SECRET");
        Directory.CreateDirectory(server.PathOf("sub"));
        Directory.CreateDirectory(server.PathOf(".hidden"));
        File.WriteAllText(server.PathOf(".hidden/a.txt"), "SECRET");
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync(url);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.DoesNotContain("SECRET", await response.Content.ReadAsStringAsync(TestHttp.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RangesAndHead_AreServed()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "0123456789");
        using var client = TestHttp.NewClient(server);
        using var range = new HttpRequestMessage(HttpMethod.Get, "files/a.txt");
        range.Headers.Range = new RangeHeaderValue(2, 4);
        using var head = new HttpRequestMessage(HttpMethod.Head, "files/a.txt");

        using var partial = await client.SendAsync(range, TestHttp.Ct);
        using var headers = await client.SendAsync(head, TestHttp.Ct);

        Assert.Equal(206, (int)partial.StatusCode);
        Assert.Equal("234", await partial.Content.ReadAsStringAsync(TestHttp.Ct));
        Assert.Equal(200, (int)headers.StatusCode);
        Assert.Equal(10, headers.Content.Headers.ContentLength);
        Assert.Empty(await headers.Content.ReadAsByteArrayAsync(TestHttp.Ct));
    }

    [Fact]
    public async Task CookieAuthenticatedRead_MustComeFromAPageOfThisServer()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "data");
        var session = await BrowserSession.OpenAsync(server);
        using var noReferer = session.Client(server);
        using var foreign = session.Client(server);
        foreign.DefaultRequestHeaders.Referrer = new Uri("https://evil.example/page");
        using var own = session.Client(server);
        own.DefaultRequestHeaders.Referrer = new Uri($"http://127.0.0.1:{server.BaseUrl.Port}/lab");
        using var token = TestHttp.NewClient(server);

        var missing = await noReferer.FetchAsync("files/a.txt").ExpectAsync(403);
        var cross = await foreign.FetchAsync("files/a.txt").ExpectAsync(403);
        await own.FetchAsync("files/a.txt").ExpectAsync(200);
        await token.FetchAsync("files/a.txt").ExpectAsync(200);
        await noReferer.FetchAsync($"files/a.txt?_xsrf={session.Xsrf}").ExpectAsync(200);

        Assert.Equal("Blocking request from unknown origin", missing.GetProperty("message").GetString());
        Assert.Equal("Blocking Cross Origin request from https://evil.example.", cross.GetProperty("message").GetString());
    }
}
