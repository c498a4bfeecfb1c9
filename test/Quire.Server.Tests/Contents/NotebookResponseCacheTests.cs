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
