using System.Text.Json;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>Checkpoints: id "checkpoint", kept in .ipynb_checkpoints beside the file, as jupyter_server's FileCheckpoints.</summary>
public sealed class CheckpointTests
{
    [Fact]
    public async Task CreateListRestoreDelete()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub dir"));
        File.WriteAllText(server.PathOf("sub dir/a.txt"), "version 1");
        using var client = TestHttp.NewClient(server);

        using var created = await client.PostAsync(new Uri("api/contents/sub%20dir/a.txt/checkpoints", UriKind.Relative), null, TestHttp.Ct);
        var model = await created.JsonAsync();
        File.WriteAllText(server.PathOf("sub dir/a.txt"), "version 2");
        var list = await client.FetchAsync("api/contents/sub%20dir/a.txt/checkpoints").ExpectAsync(200);
        await client.PostAsync(new Uri("api/contents/sub%20dir/a.txt/checkpoints/checkpoint", UriKind.Relative), null, TestHttp.Ct).ExpectAsync(204);
        var restored = File.ReadAllText(server.PathOf("sub dir/a.txt"));
        await client.DeletePathAsync("api/contents/sub%20dir/a.txt/checkpoints/checkpoint").ExpectAsync(204);
        var after = await client.FetchAsync("api/contents/sub%20dir/a.txt/checkpoints").ExpectAsync(200);

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("/api/contents/sub%20dir/a.txt/checkpoints/checkpoint", created.Headers.Location?.OriginalString);
        Assert.Equal(["id", "last_modified"], model.EnumerateObject().Select(p => p.Name));
        Assert.Equal("checkpoint", model.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal("checkpoint", list[0].GetProperty("id").GetString());
        Assert.Equal("version 1", restored);
        Assert.Equal(0, after.GetArrayLength());
        Assert.False(File.Exists(server.PathOf("sub dir/.ipynb_checkpoints/a-checkpoint.txt")));
    }

    [Fact]
    public async Task TheCheckpointFile_IsNamedAsJupyterServerNamesIt()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.v2.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);

        await client.PostJsonAsync("api/contents/n.v2.ipynb/checkpoints", null).ExpectAsync(201);

        Assert.Equal(NotebookJson.Minimal, File.ReadAllText(server.PathOf(".ipynb_checkpoints/n.v2-checkpoint.ipynb")));
    }

    [Fact]
    public async Task MissingThings_Are404()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var noFile = await client.PostJsonAsync("api/contents/nope.ipynb/checkpoints", null).ExpectAsync(404);
        var none = await client.FetchAsync("api/contents/nope.ipynb/checkpoints").ExpectAsync(200);
        var noCheckpoint = await client.PostJsonAsync("api/contents/a.txt/checkpoints/checkpoint", null).ExpectAsync(404);
        var noDelete = await client.DeletePathAsync("api/contents/a.txt/checkpoints/checkpoint").ExpectAsync(404);
        var otherId = await client.DeletePathAsync("api/contents/a.txt/checkpoints/other").ExpectAsync(404);

        Assert.Equal("file or directory does not exist: 'nope.ipynb'", noFile.GetProperty("message").GetString());
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal("Checkpoint does not exist: a.txt@checkpoint", noCheckpoint.GetProperty("message").GetString());
        Assert.Equal("Checkpoint does not exist: a.txt@checkpoint", noDelete.GetProperty("message").GetString());
        Assert.Equal("Checkpoint does not exist: a.txt@other", otherId.GetProperty("message").GetString());
    }

    [Fact]
    public async Task HiddenFiles_HaveNoCheckpoints()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf(".env"), "SECRET=1");
        using var client = TestHttp.NewClient(server);

        await client.PostJsonAsync("api/contents/.env/checkpoints", null).ExpectAsync(404);
        await client.FetchAsync("api/contents/.env/checkpoints").ExpectAsync(404);

        Assert.False(Directory.Exists(server.PathOf(".ipynb_checkpoints")));
    }

    [Fact]
    public async Task DirectoriesAndTheRoot_HaveNoCheckpoints_AndNothingOutsideIsTouched()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        // Where a checkpoint of the root would be if the root were treated as a file: outside it.
        var outside = Path.Combine(Path.GetDirectoryName(server.Root)!, ".ipynb_checkpoints");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "-checkpoint"), "outside");
        using var client = TestHttp.NewClient(server);

        var list = await client.FetchAsync("api/contents/checkpoints").ExpectAsync(200);
        await client.DeletePathAsync("api/contents/checkpoints/checkpoint").ExpectAsync(404);
        await client.PostJsonAsync("api/contents/checkpoints", null).ExpectAsync(400);
        await client.PostJsonAsync("api/contents/checkpoints/checkpoint", null).ExpectAsync(404);

        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal("outside", File.ReadAllText(Path.Combine(outside, "-checkpoint")));
    }

    [Fact]
    public async Task AFileNamedTrust_CanStillBeRead()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("d"));
        File.WriteAllText(server.PathOf("d/trust"), "t");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/d/trust").ExpectAsync(200);

        Assert.Equal("t", model.GetProperty("content").GetString());
    }
}
