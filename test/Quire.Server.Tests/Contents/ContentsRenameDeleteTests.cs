using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>PATCH (rename, move) and DELETE.</summary>
public sealed class ContentsRenameDeleteTests
{
    [Fact]
    public async Task Rename_Moves_WithLocation_AndTakesTheCheckpointAlong()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub"));
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);
        await client.PostJsonAsync("api/contents/n.ipynb/checkpoints", null).ExpectAsync(201);

        using var response = await client.PatchJsonAsync("api/contents/n.ipynb", new { path = "sub/m.ipynb" });
        var model = await response.JsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("/api/contents/sub/m.ipynb", response.Headers.Location?.OriginalString);
        Assert.Equal("sub/m.ipynb", model.GetProperty("path").GetString());
        Assert.Equal("m.ipynb", model.GetProperty("name").GetString());
        Assert.False(File.Exists(server.PathOf("n.ipynb")));
        Assert.True(File.Exists(server.PathOf("sub/.ipynb_checkpoints/m-checkpoint.ipynb")));
        Assert.False(File.Exists(server.PathOf(".ipynb_checkpoints/n-checkpoint.ipynb")));
    }

    [Fact]
    public async Task RenameDirectory_MovesItsContents()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("d"));
        File.WriteAllText(server.PathOf("d/a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var model = await client.PatchJsonAsync("api/contents/d", new { path = "e" }).ExpectAsync(200);
        var intoItself = await client.PatchJsonAsync("api/contents/e", new { path = "e/inner" }).ExpectAsync(400);

        Assert.Equal("directory", model.GetProperty("type").GetString());
        Assert.Equal("a", File.ReadAllText(server.PathOf("e/a.txt")));
        Assert.Equal("Cannot move e into itself", intoItself.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RenameOntoAnExistingFile_Is409_AndChangesNothing()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        File.WriteAllText(server.PathOf("b.txt"), "b");
        using var client = TestHttp.NewClient(server);

        var error = await client.PatchJsonAsync("api/contents/b.txt", new { path = "a.txt" }).ExpectAsync(409);

        Assert.Equal("File already exists: a.txt", error.GetProperty("message").GetString());
        Assert.Equal("a", File.ReadAllText(server.PathOf("a.txt")));
        Assert.Equal("b", File.ReadAllText(server.PathOf("b.txt")));
    }

    [Theory]
    [InlineData("api/contents/nope.txt", """{"path": "z.txt"}""", 404, "File or directory does not exist: nope.txt")]
    [InlineData("api/contents/a.txt", """{"path": "nodir/z.txt"}""", 404, "No such directory: nodir")]
    [InlineData("api/contents/a.txt", "", 400, "JSON body missing")]
    [InlineData("api/contents/a.txt", """{"path": ".hidden"}""", 400, "Cannot rename file or directory '/a.txt'")]
    [InlineData("api/contents/a.txt", """{"path": 3}""", 400, "'path' must be a string, not integer")]
    public async Task RenameRefusals(string url, string body, int status, string message)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        using var response = await client.PatchAsync(new Uri(url, UriKind.Relative), TestHttp.RawJson(body), TestHttp.Ct);

        Assert.Equal(message, await response.ErrorMessageAsync(status));
        Assert.True(File.Exists(server.PathOf("a.txt")));
    }

    [Fact]
    public async Task PatchWithoutPath_ReturnsTheModel()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var model = await client.PatchJsonAsync("api/contents/a.txt", new { }).ExpectAsync(200);

        Assert.Equal("a.txt", model.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Delete_RemovesTheFileAndItsCheckpoint_With204()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);
        await client.PostJsonAsync("api/contents/n.ipynb/checkpoints", null).ExpectAsync(201);

        using var response = await client.DeletePathAsync("api/contents/n.ipynb");
        var again = await client.DeletePathAsync("api/contents/n.ipynb").ExpectAsync(404);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestHttp.Ct));
        Assert.False(File.Exists(server.PathOf("n.ipynb")));
        Assert.False(File.Exists(server.PathOf(".ipynb_checkpoints/n-checkpoint.ipynb")));
        Assert.Equal("file or directory does not exist: 'n.ipynb'", again.GetProperty("message").GetString());
    }

    [Fact]
    public async Task DeleteRoot_Is400()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        var error = await client.DeletePathAsync("api/contents").ExpectAsync(400);

        Assert.Equal("Can't delete root", error.GetProperty("message").GetString());
        Assert.True(Directory.Exists(server.Root));
    }

    [Fact]
    public async Task NonEmptyDirectory_IsNotDeleted_ButOneWithOnlyCheckpointsIs()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("full"));
        File.WriteAllText(server.PathOf("full/a.txt"), "a");
        Directory.CreateDirectory(server.PathOf("leftover/.ipynb_checkpoints"));
        File.WriteAllText(server.PathOf("leftover/.ipynb_checkpoints/x-checkpoint.ipynb"), "{}");
        using var client = TestHttp.NewClient(server);

        var error = await client.DeletePathAsync("api/contents/full").ExpectAsync(400);
        await client.DeletePathAsync("api/contents/leftover").ExpectAsync(204);

        Assert.Equal("Directory full not empty", error.GetProperty("message").GetString());
        Assert.True(File.Exists(server.PathOf("full/a.txt")));
        Assert.False(Directory.Exists(server.PathOf("leftover")));
    }

    [Fact]
    public async Task AlwaysDeleteDirectories_DeletesNonEmptyOnes()
    {
        await using var server = await ServerHost.StartAsync(o => o with { AlwaysDeleteDirectories = true }, cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("full/inner"));
        File.WriteAllText(server.PathOf("full/inner/a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        await client.DeletePathAsync("api/contents/full").ExpectAsync(204);

        Assert.False(Directory.Exists(server.PathOf("full")));
    }

    [Fact]
    public async Task DeletingALink_LeavesWhatItPointsTo()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("real"));
        File.WriteAllText(server.PathOf("real/a.txt"), "a");
        Directory.CreateSymbolicLink(server.PathOf("link"), server.PathOf("real"));
        using var client = TestHttp.NewClient(server);

        await client.DeletePathAsync("api/contents/link").ExpectAsync(204);

        Assert.False(Path.Exists(server.PathOf("link")));
        Assert.True(File.Exists(server.PathOf("real/a.txt")));
    }
}
