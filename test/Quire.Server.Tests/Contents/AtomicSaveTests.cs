using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>
/// A save that fails midway (full disk, crash) leaves the previous content intact: the failure is injected inside the
/// real atomic write, after part of the new content has gone to disk.
/// </summary>
public sealed class AtomicSaveTests
{
    [Fact]
    public async Task NotebookSave_FailingMidway_KeepsTheOldNotebook_AndSays500()
    {
        var writer = new FaultyContentsWriter(failAfterBytes: 40, fails: p => p.EndsWith("n.ipynb", StringComparison.Ordinal));
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<IContentsWriter>(writer), cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);
        var content = JsonDocument.Parse(NotebookJson.Minimal).RootElement;

        var error = await client.PutJsonAsync("api/contents/n.ipynb", new { type = "notebook", content }).ExpectAsync(500);

        Assert.Equal(1, writer.Failures);
        Assert.Equal("Unexpected error while saving file: n.ipynb No space left on device", error.GetProperty("message").GetString());
        Assert.Equal(string.Empty, error.GetProperty("traceback").GetString());
        Assert.Equal(NotebookJson.WithCode, File.ReadAllText(server.PathOf("n.ipynb")));
        Assert.Equal(["n.ipynb"], Directory.GetFiles(server.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task FileSave_FailingMidway_KeepsTheOldFile()
    {
        var writer = new FaultyContentsWriter(failAfterBytes: 3, fails: _ => true);
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<IContentsWriter>(writer), cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "the old content");
        using var client = TestHttp.NewClient(server);

        await client.PutJsonAsync("api/contents/a.txt", new { type = "file", format = "text", content = "a much longer new content" }).ExpectAsync(500);
        var model = await client.FetchAsync("api/contents/a.txt").ExpectAsync(200);

        Assert.Equal("the old content", model.GetProperty("content").GetString());
    }

    [Fact]
    public async Task CheckpointRestore_FailingMidway_KeepsTheCurrentFile()
    {
        var failing = false;
        var writer = new FaultyContentsWriter(failAfterBytes: 2, fails: _ => failing);
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<IContentsWriter>(writer), cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "checkpointed");
        using var client = TestHttp.NewClient(server);
        await client.PostJsonAsync("api/contents/a.txt/checkpoints", null).ExpectAsync(201);
        File.WriteAllText(server.PathOf("a.txt"), "current");

        failing = true;
        await client.PostJsonAsync("api/contents/a.txt/checkpoints/checkpoint", null).ExpectAsync(500);

        Assert.Equal("current", File.ReadAllText(server.PathOf("a.txt")));
        Assert.Equal("checkpointed", File.ReadAllText(server.PathOf(".ipynb_checkpoints/a-checkpoint.txt")));
    }

    [Fact]
    public async Task NewFile_FailingMidway_LeavesNoFileAtAll()
    {
        var writer = new FaultyContentsWriter(failAfterBytes: 1, fails: _ => true);
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<IContentsWriter>(writer), cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        await client.PutJsonAsync("api/contents/new.txt", new { type = "file", format = "text", content = "content" }).ExpectAsync(500);

        Assert.Empty(Directory.GetFileSystemEntries(server.Root));
    }
}
