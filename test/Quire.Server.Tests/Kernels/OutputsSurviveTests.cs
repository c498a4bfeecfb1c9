using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Server.Contents;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

/// <summary>
/// Outputs survive a closed browser: a cell that runs on with no client connected has every output recorded on the
/// server, found both in the replay and in the notebook the contents service returns.
/// </summary>
public sealed class OutputsSurviveTests
{
    private const string Notebook = "work/analysis.ipynb";

    [Fact]
    public async Task LongCell_WithEverySocketClosed_HasAllItsOutputsOnReconnect_AndInTheNotebookModel()
    {
        await using var server = await KernelServer.StartAsync();
        WriteNotebook(server, ("cell-a", "print hi"), ("cell-b", "long one"));
        var session = await CreateSessionAsync(server);
        var kernelId = session.GetProperty("kernel").GetProperty("id").GetString()!;
        var client = await server.ConnectAsync(kernelId, "browser");
        var busy = server.WaitForStateAsync(kernelId, "busy", "the long cell to start");

        var execute = await client.SendExecuteAsync(
            "sleep 0.5\nprint one\ndisplay_id progress 10%\nprint two\nupdate progress 100%\neprint warn\nresult 42", cellId: "cell-b");
        // Closed while the cell sleeps before its first output: every output is made with no browser connected.
        await busy;
        await client.CloseAsync();
        await client.DisposeAsync();
        Assert.Equal(0, (await server.GetJsonAsync($"api/kernels/{kernelId}")).GetProperty("connections").GetInt32());
        await server.WaitForStateAsync(kernelId, "idle", "the long cell to finish while no browser is connected");

        // Via the replay, when the same browser session comes back.
        await using var back = await server.ConnectAsync(kernelId, "browser");
        var replayed = await back.WaitForExecutionAsync(execute, Within.Kernel);
        Assert.Equal(
            ["stream", "display_data", "stream", "update_display_data", "stream", "execute_result"],
            replayed.Where(m => m.Channel == "iopub" && m.MsgType is not ("status" or "execute_input")).Select(m => m.MsgType));

        // Via the notebook model: every output merged into the cell it ran in, updates applied.
        var cell = Assert.IsType<CodeCell>(Overlaid(server).Cells.Single(c => c.Id == "cell-b"));
        Assert.Equal(1, cell.ExecutionCount);
        Assert.Equal(
            ["stream:stdout:one\n", "display_data:100%", "stream:stdout:two\n", "stream:stderr:warn\n", "execute_result:42"],
            cell.Outputs.Select(Describe));
        Assert.Empty(Assert.IsType<CodeCell>(Overlaid(server).Cells.Single(c => c.Id == "cell-a")).Outputs);

        // And through the contents API, as a browser opening the notebook again gets it.
        var model = await server.GetJsonAsync($"api/contents/{Notebook}");
        var fromApi = model.GetProperty("content").GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cell-b");
        Assert.Equal(1, fromApi.GetProperty("execution_count").GetInt32());
        Assert.Equal(
            ["stream", "display_data", "stream", "stream", "execute_result"],
            fromApi.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("output_type").GetString()));
    }

    [Fact]
    public async Task RecordedOutputs_AreDropped_WhenTheSessionIsDeleted()
    {
        await using var server = await KernelServer.StartAsync();
        WriteNotebook(server, ("cell-a", "print hi"));
        var session = await CreateSessionAsync(server);
        var kernelId = session.GetProperty("kernel").GetProperty("id").GetString()!;
        await using (var client = await server.ConnectAsync(kernelId))
        {
            await client.ExecuteAsync("print kept", cellId: "cell-a");
        }

        Assert.Single(Assert.IsType<CodeCell>(Overlaid(server).Cells.Single()).Outputs);
        using var deleted = await server.Client.DeleteAsync(
            new Uri($"api/sessions/{session.GetProperty("id").GetString()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Empty(Assert.IsType<CodeCell>(Overlaid(server).Cells.Single()).Outputs);
    }

    [Fact]
    public async Task ANotebookSavedAfterTheCellFinished_IsTheTruth()
    {
        await using var server = await KernelServer.StartAsync();
        WriteNotebook(server, ("cell-a", "print hi"));
        var session = await CreateSessionAsync(server);
        var kernelId = session.GetProperty("kernel").GetProperty("id").GetString()!;
        await using (var client = await server.ConnectAsync(kernelId))
        {
            await client.ExecuteAsync("print recorded", cellId: "cell-a");
        }

        // The user cleared the outputs and saved: the record must not bring them back.
        WriteNotebook(server, ("cell-a", "print hi"));
        File.SetLastWriteTimeUtc(server.Host.PathOf(Notebook), DateTime.MaxValue.AddYears(-1));

        Assert.Empty(Assert.IsType<CodeCell>(Overlaid(server).Cells.Single()).Outputs);
    }

    [Fact]
    public async Task CellsRunWithoutACellId_OrOutsideANotebookSession_AreNotRecorded()
    {
        await using var server = await KernelServer.StartAsync();
        WriteNotebook(server, ("cell-a", "print hi"));
        var kernelId = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var client = await server.ConnectAsync(kernelId);

        await client.ExecuteAsync("print plain kernel", cellId: "cell-a");

        Assert.Empty(Assert.IsType<CodeCell>(Overlaid(server).Cells.Single()).Outputs);
    }

    private static NotebookDocument Overlaid(KernelServer server)
    {
        var overlay = server.Host.App.Services.GetRequiredService<INotebookModelOverlay>();
        var read = NotebookReader.Read(File.ReadAllBytes(server.Host.PathOf(Notebook)));
        return overlay.Apply(Notebook, read.Document);
    }

    private static async Task<JsonElement> CreateSessionAsync(KernelServer server)
    {
        using var response = await server.Client.PostAsJsonAsync(
            new Uri("api/sessions", UriKind.Relative),
            new { path = Notebook, type = "notebook", name = "analysis.ipynb", kernel = new { name = TestKernelSpecs.TestKernel } },
            TestContext.Current.CancellationToken);
        return await KernelServer.ReadAsync(response, System.Net.HttpStatusCode.Created, "POST /api/sessions");
    }

    private static void WriteNotebook(KernelServer server, params (string Id, string Source)[] cells)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(server.Host.PathOf(Notebook))!);
        var notebook = NotebookDocument.CreateEmpty().WithCells(cells.Select(c => (NotebookCell)CodeCell.Create(c.Source, c.Id)));
        File.WriteAllBytes(server.Host.PathOf(Notebook), NotebookWriter.ToUtf8(notebook));
    }

    private static string Describe(NotebookOutput output)
    {
        var json = output.Json;
        return json.GetString("output_type") switch
        {
            "stream" => $"stream:{json.GetString("name")}:{json.GetString("text")}",
            var type => $"{type}:{json.GetObject("data")?.GetString("text/plain")}",
        };
    }
}
