using Microsoft.Extensions.DependencyInjection;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Signatures;
using Quire.Server.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>
/// Notebook GETs are answered from a cache of rendered bodies when nothing they depend on changed: never stale when
/// the file, the trust database or the recorded outputs change.
/// </summary>
public sealed class NotebookResponseCacheTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task RepeatedGet_IsTheSameBody()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        var first = await BodyAsync(client, "api/contents/n.ipynb");
        var second = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.Contains("\"trusted\": false", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task FileChangedWithTheSameSizeAndTimes_IsServedChanged()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var path = server.PathOf("n.ipynb");
        File.WriteAllText(path, NotebookJson.WithCode);
        var written = File.GetLastWriteTimeUtc(path);
        using var client = TestHttp.NewClient(server);
        var before = await BodyAsync(client, "api/contents/n.ipynb");

        // Same length, same modification time: only the bytes tell the files apart.
        File.WriteAllText(path, NotebookJson.WithCode.Replace("print(1)", "print(7)", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
        var after = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.Contains("print(1)", before, StringComparison.Ordinal);
        Assert.Contains("print(7)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("print(1)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrustDatabaseChangedByAnotherProcess_IsSeenOnTheNextGet()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);
        var before = await BodyAsync(client, "api/contents/n.ipynb");

        // As `jupyter trust` would: another connection to the same database signs the notebook.
        var dataDir = Path.Combine(Path.GetDirectoryName(server.Root)!, "data");
        using (var notary = JupyterNotary.Open(new NotaryOptions { DataDir = dataDir }, TimeProvider.System))
        {
            notary.Notary.Sign(NotebookReader.Read(NotebookJson.WithCode).Document);
        }

        var after = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.Contains("\"trusted\": false", before, StringComparison.Ordinal);
        Assert.Contains("\"trusted\": true", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlayThatMayChange_IsAppliedOnEveryGet()
    {
        var overlay = new CountingOverlay();
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<INotebookModelOverlay>(overlay), cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        var first = await BodyAsync(client, "api/contents/n.ipynb");
        var second = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.Equal(2, overlay.Applied);
        Assert.Contains("\"overlay\": 1", first, StringComparison.Ordinal);
        Assert.Contains("\"overlay\": 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAfterSave_IsByteForByteWhatAnUncachedGetOfTheFileGives()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        // What the save writes differs from what it was sent: lines split, numbers as Python writes them, transient
        // keys dropped, trust marks removed (and the notebook signed, its code cells being marked trusted).
        const string Sent = """
            {"type": "notebook", "content": {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"n": 1.0e5},
             "cells": [{"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {"trusted": true},
               "source": ["x = 1\n", "y = 2"],
               "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": "<b>1</b>\n<i>2</i>"}}]},
              {"cell_type": "markdown", "id": "b", "metadata": {}, "source": "# T\n\ntext"}]}}
            """;
        using (var put = await client.PutAsync(new Uri("api/contents/saved.ipynb", UriKind.Relative), TestHttp.RawJson(Sent), TestHttp.Ct))
        {
            Assert.Equal(201, (int)put.StatusCode);
        }

        var cached = await RawBodyAsync(client, "api/contents/saved.ipynb");
        // A second server over the same files and trust database has no cache: it parses the file.
        await using var fresh = await ServerHost.StartAsync(o => o with { RootDirectory = server.Root, DataDirectory = Path.Combine(Path.GetDirectoryName(server.Root)!, "data") }, cancellationToken: TestHttp.Ct);
        using var freshClient = TestHttp.NewClient(fresh);
        var uncached = await RawBodyAsync(freshClient, "api/contents/saved.ipynb");

        Assert.Equal(uncached, cached);
        Assert.Contains("\"trusted\": true", cached, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"x = 1\\ny = 2\"", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("transient", cached, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileTouchedWithTheSameBytes_IsServedWithItsNewTimes()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var path = server.PathOf("n.ipynb");
        File.WriteAllText(path, NotebookJson.WithCode);
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        using var client = TestHttp.NewClient(server);
        var before = await BodyAsync(client, "api/contents/n.ipynb");

        File.SetLastWriteTimeUtc(path, new DateTime(2021, 6, 7, 8, 9, 10, DateTimeKind.Utc));
        var after = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.Contains("\"last_modified\": \"2020-01-02T03:04:05", before, StringComparison.Ordinal);
        Assert.Contains("\"last_modified\": \"2021-06-07T08:09:10", after, StringComparison.Ordinal);
        Assert.Contains("print(1)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameThatSpellsTheContentKey_StaysItsOwnString()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        const string Name = "a\", \"content\": null, \"b.ipynb";
        File.WriteAllText(server.PathOf(Name), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.FetchAsync("api/contents/" + Uri.EscapeDataString(Name));
            var model = await response.JsonAsync();
            Assert.Equal(Name, model.GetProperty("name").GetString());
            Assert.Equal(2, model.GetProperty("content").GetProperty("cells").GetArrayLength());
            Assert.Equal("json", model.GetProperty("format").GetString());
        }
    }

    [Fact]
    public async Task DeletedAndRecreated_IsServedFromTheNewFile()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var path = server.PathOf("n.ipynb");
        File.WriteAllText(path, NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);
        Assert.Contains("print(1)", await BodyAsync(client, "api/contents/n.ipynb"), StringComparison.Ordinal);

        using (var deleted = await client.DeletePathAsync("api/contents/n.ipynb"))
        {
            Assert.Equal(204, (int)deleted.StatusCode);
        }

        File.WriteAllText(path, NotebookJson.Minimal);
        var after = await BodyAsync(client, "api/contents/n.ipynb");

        Assert.DoesNotContain("print(1)", after, StringComparison.Ordinal);
        Assert.Contains("\"cells\": []", after, StringComparison.Ordinal);
    }

    private static async Task<string> RawBodyAsync(HttpClient client, string path)
    {
        using var response = await client.FetchAsync(path);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestHttp.Ct);
    }

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.FetchAsync(path);
        Assert.Equal(200, (int)response.StatusCode);
        // Indented, so that the assertions can look for '"key": value'.
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestHttp.Ct))!.ToJsonString(Indented);
    }

    private sealed class CountingOverlay : INotebookModelOverlay
    {
        public int Applied { get; private set; }

        public NotebookDocument Apply(string path, NotebookDocument notebook)
        {
            Applied++;
            return notebook.WithMetadata(notebook.Metadata.With("overlay", Applied));
        }
    }
}
