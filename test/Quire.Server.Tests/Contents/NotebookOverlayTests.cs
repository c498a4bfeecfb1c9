using Microsoft.Extensions.DependencyInjection;
using Quire.Notebook;
using Quire.Notebook.Json;
using Quire.Server.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>Notebook models pass through the registered <see cref="INotebookModelOverlay"/> before they are returned.</summary>
public sealed class NotebookOverlayTests
{
    [Fact]
    public async Task NotebookWithContent_IsOverlaid_AndTheFileIsNot()
    {
        var overlay = new MarkingOverlay();
        await using var server = await ServerHost.StartAsync(services: b => b.Services.AddSingleton<INotebookModelOverlay>(overlay), cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub"));
        File.WriteAllText(server.PathOf("sub/n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/sub/n.ipynb").ExpectAsync(200);
        await client.FetchAsync("api/contents/sub/n.ipynb?content=0").ExpectAsync(200);
        await client.FetchAsync("api/contents/sub/n.ipynb?type=file").ExpectAsync(200);

        Assert.Equal(["sub/n.ipynb"], overlay.Paths);
        Assert.True(model.GetProperty("content").GetProperty("metadata").GetProperty("overlaid").GetBoolean());
        Assert.Equal(NotebookJson.WithCode, File.ReadAllText(server.PathOf("sub/n.ipynb")));
    }

    private sealed class MarkingOverlay : INotebookModelOverlay
    {
        public List<string> Paths { get; } = [];

        public NotebookDocument Apply(string path, NotebookDocument notebook)
        {
            Paths.Add(path);
            return notebook.WithMetadata(notebook.Metadata.With("overlaid", JLiteral.True));
        }
    }
}
