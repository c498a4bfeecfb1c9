using System.Text.Json;
using System.Text.Json.Nodes;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>Notebook trust: POST .../trust signs, reads mark code cells, saves of trusted cells re-sign.</summary>
public sealed class TrustTests
{
    [Fact]
    public async Task TrustEndpoint_SignsTheNotebook_SoReadsMarkItsCellsTrusted()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        var before = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);
        using var trust = await client.PostAsync(new Uri("api/contents/n.ipynb/trust", UriKind.Relative), null, TestHttp.Ct);
        var after = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        Assert.Equal(201, (int)trust.StatusCode);
        Assert.False(Trusted(before));
        Assert.True(Trusted(after));
        Assert.Equal(NotebookJson.WithCode, File.ReadAllText(server.PathOf("n.ipynb")));
    }

    [Fact]
    public async Task SavingCellsMarkedTrusted_SignsTheSavedNotebook_AndTheMarksAreNotWritten()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);
        await client.PostAsync(new Uri("api/contents/n.ipynb/trust", UriKind.Relative), null, TestHttp.Ct).ExpectAsync(201);
        var model = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        // A change, so that only a signature made by this save can make the copy trusted.
        var changed = JsonNode.Parse(model.GetProperty("content").GetRawText())!;
        changed["metadata"]!["changed"] = true;
        await client.PutJsonAsync("api/contents/copy.ipynb", new { type = "notebook", content = changed }).ExpectAsync(201);
        var copy = await client.FetchAsync("api/contents/copy.ipynb").ExpectAsync(200);

        Assert.True(Trusted(copy));
        Assert.DoesNotContain("trusted", File.ReadAllText(server.PathOf("copy.ipynb")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntrustedRichOutput_StaysUntrustedAfterASave()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);
        var model = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        await client.PutJsonAsync("api/contents/n.ipynb", new { type = "notebook", content = model.GetProperty("content") }).ExpectAsync(200);
        var after = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        Assert.False(Trusted(after));
    }

    [Fact]
    public async Task TrustingSomethingElse_IsRefused()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var notNotebook = await client.PostJsonAsync("api/contents/a.txt/trust", null).ExpectAsync(400);
        var missing = await client.PostJsonAsync("api/contents/nope.ipynb/trust", null).ExpectAsync(404);

        Assert.Equal("a.txt is not a notebook", notNotebook.GetProperty("message").GetString());
        Assert.Equal("file or directory does not exist: 'nope.ipynb'", missing.GetProperty("message").GetString());
    }

    private static bool Trusted(JsonElement model) =>
        model.GetProperty("content").GetProperty("cells")[0].GetProperty("metadata").GetProperty("trusted").GetBoolean();
}
