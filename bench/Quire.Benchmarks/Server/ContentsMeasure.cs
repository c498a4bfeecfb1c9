using System.Diagnostics;
using System.Text.Json;

namespace Quire.Benchmarks.Server;

/// <summary>GET with content and PUT (save as a notebook, format json) of one notebook, one after the other.</summary>
internal static class ContentsMeasure
{
    /// <summary>Untimed: checks that the server returns the whole notebook and accepts its save (and warms it up).</summary>
    public static async Task CheckAsync(ServerApi api, NotebookCase notebook)
    {
        using (var model = await api.GetModelAsync(notebook.Name))
        {
            var root = model.RootElement;
            var cells = root.GetProperty("content").GetProperty("cells").GetArrayLength();
            if (root.GetProperty("type").GetString() != "notebook" || cells != notebook.Cells)
            {
                throw new InvalidOperationException($"{api.Server.Label}: GET {notebook.Name} returned a {root.GetProperty("type")} of {cells} cells, expected a notebook of {notebook.Cells}");
            }
        }

        await api.GetNotebookAsync(notebook.Name);
        using var saved = JsonDocument.Parse(await api.PutNotebookAsync(notebook.Name, notebook.SaveBody));
        if (saved.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && message.GetString()!.Length > 0)
        {
            Console.Error.WriteLine($"{api.Server.Label}: saving {notebook.Name} says: {message.GetString()}");
        }
    }

    public static async Task RunAsync(ServerApi api, NotebookCase notebook, int passes, ServerFigures figures)
    {
        var gets = ServerFigures.For(figures.Get, notebook.Name);
        var puts = ServerFigures.For(figures.Put, notebook.Name);
        var getCpu = ServerFigures.For(figures.GetCpu, notebook.Name);
        var putCpu = ServerFigures.For(figures.PutCpu, notebook.Name);
        for (var i = 0; i < passes; i++)
        {
            var cpu = api.Server.CpuTime();
            var started = Stopwatch.GetTimestamp();
            await api.GetNotebookAsync(notebook.Name);
            gets.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            getCpu.Add((api.Server.CpuTime() - cpu).TotalMilliseconds);

            cpu = api.Server.CpuTime();
            started = Stopwatch.GetTimestamp();
            await api.PutNotebookAsync(notebook.Name, notebook.SaveBody);
            puts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            putCpu.Add((api.Server.CpuTime() - cpu).TotalMilliseconds);
        }
    }
}
