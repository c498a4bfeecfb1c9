using System.Text.Json;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>POST /api/contents: untitled entities and copies, named and numbered as jupyter_server names them.</summary>
public sealed class ContentsCreateTests
{
    [Fact]
    public async Task Untitled_AreNumberedAsJupyterServer_With201AndLocation()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        var created = new List<string>();
        foreach (var body in new object?[] { null, new { type = "notebook" }, new { type = "notebook" }, new { type = "directory" }, new { type = "directory" }, new { ext = ".py" }, new { type = "file", ext = ".txt" }, new { ext = ".ipynb" } })
        {
            using var response = await client.PostJsonAsync("api/contents", body);
            var model = await response.JsonAsync();
            Assert.Equal(201, (int)response.StatusCode);
            Assert.Equal($"/api/contents/{Uri.EscapeDataString(model.GetProperty("path").GetString()!)}", response.Headers.Location?.OriginalString);
            Assert.Equal(JsonValueKind.Null, model.GetProperty("content").ValueKind);
            created.Add(model.GetProperty("name").GetString()!);
        }

        Assert.Equal(["untitled", "Untitled.ipynb", "Untitled1.ipynb", "Untitled Folder", "Untitled Folder 1", "untitled.py", "untitled.txt", "Untitled2.ipynb"], created);
        Assert.Equal(NotebookJson.Minimal, File.ReadAllText(server.PathOf("Untitled.ipynb")));
        Assert.True(Directory.Exists(server.PathOf("Untitled Folder 1")));
        Assert.Equal(0, new FileInfo(server.PathOf("untitled.py")).Length);
    }

    [Fact]
    public async Task UntitledInASubdirectory_LandsThere()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub"));
        using var client = TestHttp.NewClient(server);

        var model = await client.PostJsonAsync("api/contents/sub", new { type = "notebook" }).ExpectAsync(201);

        Assert.Equal("sub/Untitled.ipynb", model.GetProperty("path").GetString());
        Assert.Equal("notebook", model.GetProperty("type").GetString());
        Assert.True(File.Exists(server.PathOf("sub/Untitled.ipynb")));
    }

    [Theory]
    [InlineData("api/contents", """{"type": "bogus"}""", 400, "Unexpected model type: 'bogus'")]
    [InlineData("api/contents/nodir", """{"type": "file"}""", 404, "No such directory: nodir")]
    [InlineData("api/contents/a.txt", """{"type": "file"}""", 400, "Cannot POST to files, use PUT instead.")]
    [InlineData("api/contents", """{"copy_from": "sub"}""", 400, "Can't copy directories")]
    [InlineData("api/contents", """{"copy_from": "nope.txt"}""", 404, "file or directory does not exist: 'nope.txt'")]
    [InlineData("api/contents", """{"copy_from": ".dot.txt"}""", 400, "Cannot copy file or directory ''")]
    [InlineData("api/contents/.hid", """{"type": "file"}""", 400, "Cannot create file or directory '.hid/untitled'")]
    public async Task Refusals_AreJupyterServers(string url, string body, int status, string message)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        File.WriteAllText(server.PathOf(".dot.txt"), "secret");
        Directory.CreateDirectory(server.PathOf("sub"));
        Directory.CreateDirectory(server.PathOf(".hid"));
        using var client = TestHttp.NewClient(server);

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), TestHttp.RawJson(body), TestHttp.Ct);

        Assert.Equal(message, await response.ErrorMessageAsync(status));
        Assert.False(File.Exists(server.PathOf(".hid/untitled")));
    }

    [Fact]
    public async Task Copies_AreNumbered_AndCopyOfACopyRestartsFromTheOriginalName()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.tar.gz"), "archive");
        File.WriteAllText(server.PathOf("x.v2.ipynb"), NotebookJson.Minimal);
        Directory.CreateDirectory(server.PathOf("sub"));
        using var client = TestHttp.NewClient(server);

        var first = await client.PostJsonAsync("api/contents", new { copy_from = "a.tar.gz" }).ExpectAsync(201);
        var second = await client.PostJsonAsync("api/contents", new { copy_from = "a-Copy1.tar.gz" }).ExpectAsync(201);
        var notebook = await client.PostJsonAsync("api/contents", new { copy_from = "x.v2.ipynb" }).ExpectAsync(201);
        var elsewhere = await client.PostJsonAsync("api/contents/sub", new { copy_from = "a.tar.gz" }).ExpectAsync(201);
        var exact = await client.PostJsonAsync("api/contents/sub/renamed.gz", new { copy_from = "a.tar.gz" }).ExpectAsync(201);

        Assert.Equal("a-Copy1.tar.gz", first.GetProperty("path").GetString());
        Assert.Equal("a-Copy2.tar.gz", second.GetProperty("path").GetString());
        Assert.Equal("x.v2-Copy1.ipynb", notebook.GetProperty("path").GetString());
        Assert.Equal("notebook", notebook.GetProperty("type").GetString());
        Assert.Equal("sub/a.tar.gz", elsewhere.GetProperty("path").GetString());
        Assert.Equal("sub/renamed.gz", exact.GetProperty("path").GetString());
        Assert.Equal("archive", File.ReadAllText(server.PathOf("a-Copy2.tar.gz")));
        Assert.Equal(NotebookJson.Minimal, File.ReadAllText(server.PathOf("x.v2-Copy1.ipynb")));
    }

    [Fact]
    public async Task CopyIntoAMissingDirectory_Is404()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var error = await client.PostJsonAsync("api/contents/nodir/b.txt", new { copy_from = "a.txt" }).ExpectAsync(404);

        Assert.Equal("No such parent directory: nodir to copy file in", error.GetProperty("message").GetString());
    }
}
