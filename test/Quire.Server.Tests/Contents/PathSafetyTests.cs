using Quire.Server.Hosting;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>
/// Every form of path traversal is refused, on every method, and nothing outside the root is read or changed
/// (reliability-security anchors §1.10, bad-input list #14-16). The server's root is "notebooks"; its sibling
/// "notebooks2" shares the prefix and holds a secret (CVE-2026-35397), and so does the parent directory.
/// </summary>
public sealed class PathSafetyTests
{
    private const string Secret = "TOP-SECRET-CONTENT";

    public static TheoryData<string> TraversalTargets =>
    [
        "/api/contents/../secret.txt",
        "/api/contents/sub/../../secret.txt",
        "/api/contents/%2e%2e/secret.txt",
        "/api/contents/%2E%2E%2Fsecret.txt",
        "/api/contents/..%2Fsecret.txt",
        "/api/contents/sub%2F..%2F..%2Fsecret.txt",
        "/api/contents/..%5Csecret.txt",
        "/api/contents/..%255Csecret.txt",
        "/api/contents/%2e%2e%2fnotebooks2%2fsecret.txt",
        "/api/contents/../notebooks2/secret.txt",
        "/api/contents/C:%5C..%5Csecret.txt",
        "/api/contents/C:",
        "/api/contents/secret.txt%00.ipynb",
        "/api/contents/%00",
        "/files/../secret.txt",
        "/files/%2e%2e/secret.txt",
        "/files/..%2Fnotebooks2%2Fsecret.txt",
        "/files/..%5Csecret.txt",
    ];

    [Theory]
    [MemberData(nameof(TraversalTargets))]
    public async Task Traversal_IsRefusedWithout200_AndLeaksNothing(string target)
    {
        await using var server = await StartWithSecretsAsync();

        var response = await RawHttp.GetAsync(server.BaseUrl, target, TestHttp.Ct, $"Authorization: token {ServerHost.TestToken}");

        Assert.True(response.Status is 400 or 404, $"{target} answered {response.Status}: {response.Body}");
        Assert.DoesNotContain(Secret, response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("sub/../../secret.txt")]
    [InlineData("../notebooks2/secret.txt")]
    [InlineData("a\\..\\..\\secret.txt")]
    [InlineData("x\0")]
    [InlineData("C:\\secret.txt")]
    public async Task TraversalInBodies_IsRefused_AndChangesNothingOutside(string path)
    {
        await using var server = await StartWithSecretsAsync();
        using var client = TestHttp.NewClient(server);
        File.WriteAllText(server.PathOf("a.txt"), "a");

        var copy = await client.PostJsonAsync("api/contents", new { copy_from = path }).ExpectAsync(404);
        var rename = await client.PatchJsonAsync("api/contents/a.txt", new { path }).ExpectAsync(404);

        Assert.Contains("outside root", copy.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("outside root", rename.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(server.PathOf("a.txt")));
        AssertSecretsUntouched(server);
    }

    [Theory]
    [InlineData("PUT", "/api/contents/..%2Fnotebooks2%2Fsecret.txt")]
    [InlineData("PUT", "/api/contents/../secret.txt")]
    [InlineData("DELETE", "/api/contents/..%2Fsecret.txt")]
    [InlineData("DELETE", "/api/contents/..%2Fnotebooks2")]
    [InlineData("POST", "/api/contents/..%2Fnotebooks2")]
    [InlineData("PATCH", "/api/contents/..%2Fsecret.txt")]
    public async Task TraversalInUrls_ChangesNothingOutside(string method, string target)
    {
        await using var server = await StartWithSecretsAsync();

        var response = await RawHttp.SendAsync(
            server.BaseUrl,
            $"{method} {target} HTTP/1.1",
            [$"Authorization: token {ServerHost.TestToken}", "Content-Type: application/json"],
            TestHttp.Ct,
            """{"type": "file", "format": "text", "content": "overwritten", "path": "moved.txt"}""");

        Assert.True(response.Status is 400 or 404, $"{method} {target} answered {response.Status}: {response.Body}");
        AssertSecretsUntouched(server);
        Assert.False(File.Exists(server.PathOf("moved.txt")));
    }

    [Fact]
    public async Task AbsolutePaths_AreRelativeToTheRoot()
    {
        await using var server = await StartWithSecretsAsync();
        var outside = Path.Combine(Path.GetDirectoryName(server.Root)!, "secret.txt");

        var response = await RawHttp.GetAsync(server.BaseUrl, "/api/contents/" + outside.TrimStart('/'), TestHttp.Ct, $"Authorization: token {ServerHost.TestToken}");
        var doubled = await RawHttp.GetAsync(server.BaseUrl, "/api/contents//" + outside, TestHttp.Ct, $"Authorization: token {ServerHost.TestToken}");

        Assert.Equal(404, response.Status);
        Assert.Equal(404, doubled.Status);
        Assert.DoesNotContain(Secret, response.Body + doubled.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymlinksLeadingOutside_AreRefusedEverywhere()
    {
        await using var server = await StartWithSecretsAsync();
        var parent = Path.GetDirectoryName(server.Root)!;
        File.CreateSymbolicLink(server.PathOf("link.txt"), Path.Combine(parent, "secret.txt"));
        Directory.CreateSymbolicLink(server.PathOf("linkdir"), Path.Combine(parent, "notebooks2"));
        Directory.CreateDirectory(server.PathOf("sub"));
        File.CreateSymbolicLink(server.PathOf("sub/relative.txt"), "../../secret.txt");
        File.WriteAllText(server.PathOf("inside.txt"), "inside");
        File.CreateSymbolicLink(server.PathOf("good-link.txt"), server.PathOf("inside.txt"));
        using var client = TestHttp.NewClient(server);

        await client.FetchAsync("api/contents/link.txt").ExpectAsync(404);
        await client.FetchAsync("api/contents/linkdir").ExpectAsync(404);
        await client.FetchAsync("api/contents/linkdir/secret.txt").ExpectAsync(404);
        await client.FetchAsync("api/contents/sub/relative.txt").ExpectAsync(404);
        await client.FetchAsync("files/link.txt").ExpectAsync(404);
        await client.PutJsonAsync("api/contents/link.txt", new { type = "file", format = "text", content = "overwritten" }).ExpectAsync(404);
        await client.PutJsonAsync("api/contents/linkdir/new.txt", new { type = "file", format = "text", content = "x" }).ExpectAsync(404);
        await client.PostJsonAsync("api/contents", new { copy_from = "link.txt" }).ExpectAsync(404);
        var listing = await client.FetchAsync("api/contents").ExpectAsync(200);
        var good = await client.FetchAsync("api/contents/good-link.txt").ExpectAsync(200);
        await client.PutJsonAsync("api/contents/good-link.txt", new { type = "file", format = "text", content = "through the link" }).ExpectAsync(200);

        Assert.Equal(["good-link.txt", "inside.txt", "sub"], listing.GetProperty("content").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("inside", good.GetProperty("content").GetString());
        Assert.Equal("through the link", File.ReadAllText(server.PathOf("inside.txt")));
        Assert.NotNull(new FileInfo(server.PathOf("good-link.txt")).LinkTarget);
        AssertSecretsUntouched(server);
        Assert.False(File.Exists(Path.Combine(parent, "notebooks2", "new.txt")));
    }

    [Fact]
    public async Task FollowSymlinksOutsideRoot_ServesThem()
    {
        await using var server = await StartWithSecretsAsync(o => o with { FollowSymlinksOutsideRoot = true });
        File.CreateSymbolicLink(server.PathOf("link.txt"), Path.Combine(Path.GetDirectoryName(server.Root)!, "secret.txt"));
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/link.txt").ExpectAsync(200);

        Assert.Equal(Secret, model.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("GET", "api/contents/.ssh/id_rsa", 404)]
    [InlineData("GET", "api/contents/.ssh", 404)]
    [InlineData("GET", "files/.ssh/id_rsa", 404)]
    [InlineData("DELETE", "api/contents/.ssh/id_rsa", 400)]
    [InlineData("PUT", "api/contents/.ssh/id_rsa", 400)]
    [InlineData("PATCH", "api/contents/.ssh/id_rsa", 400)]
    public async Task HiddenFiles_AreRefused_WithoutSayingHidden(string method, string url, int status)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf(".ssh"));
        File.WriteAllText(server.PathOf(".ssh/id_rsa"), Secret);
        using var client = TestHttp.NewClient(server);
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method is "PUT" or "PATCH" ? TestHttp.Json(new { type = "file", format = "text", content = "x", path = "stolen.txt" }) : null,
        };

        using var response = await client.SendAsync(request, TestHttp.Ct);
        var text = await response.Content.ReadAsStringAsync(TestHttp.Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Secret, File.ReadAllText(server.PathOf(".ssh/id_rsa")));
        Assert.False(File.Exists(server.PathOf("stolen.txt")));
    }

    [Fact]
    public async Task AllowHidden_ServesHiddenFiles()
    {
        await using var server = await ServerHost.StartAsync(o => o with { AllowHidden = true }, cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf(".env"), "A=1");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/.env").ExpectAsync(200);
        var listing = await client.FetchAsync("api/contents").ExpectAsync(200);

        Assert.Equal("A=1", model.GetProperty("content").GetString());
        Assert.Contains(listing.GetProperty("content").EnumerateArray(), e => e.GetProperty("name").GetString() == ".env");
    }

    private static async Task<ServerHost> StartWithSecretsAsync(Func<QuireServerOptions, QuireServerOptions>? configure = null)
    {
        var server = await ServerHost.StartAsync(configure, cancellationToken: TestHttp.Ct);
        var parent = Path.GetDirectoryName(server.Root)!;
        File.WriteAllText(Path.Combine(parent, "secret.txt"), Secret);
        Directory.CreateDirectory(Path.Combine(parent, "notebooks2"));
        File.WriteAllText(Path.Combine(parent, "notebooks2", "secret.txt"), Secret);
        Directory.CreateDirectory(server.PathOf("sub"));
        return server;
    }

    private static void AssertSecretsUntouched(ServerHost server)
    {
        var parent = Path.GetDirectoryName(server.Root)!;
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(parent, "secret.txt")));
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(parent, "notebooks2", "secret.txt")));
        Assert.Equal(["secret.txt"], Directory.GetFiles(Path.Combine(parent, "notebooks2")).Select(Path.GetFileName));
    }
}
