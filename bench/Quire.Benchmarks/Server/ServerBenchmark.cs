using Quire.Kernels.KernelSpecs;

namespace Quire.Benchmarks.Server;

/// <summary>
/// <c>quire serve</c> and Debian's jupyter_server 1.23, each in its own process on its own copy of the same notebooks,
/// driven by one client (the same HttpClient and ClientWebSocket code for both) through the same workload: GET and PUT
/// of each notebook, concurrent GETs of a small one, N kernels started at once until idle, and <c>1+1</c> round trips
/// over both WebSocket protocols and over ZeroMQ to the same kernel. Measures take turns per round (the server that goes
/// first alternates). Prints a Markdown table of medians, ratios and the targets; progress goes to stderr.
/// </summary>
internal static class ServerBenchmark
{
    private const string Token = "bench-token-5d1f0c";

    public static async Task<int> RunAsync(ServerSettings settings)
    {
        var notebooks = Directory.GetFiles(settings.Notebooks, "contents-*.ipynb").Select(NotebookCase.Load).OrderBy(n => n.Bytes).ToList();
        var concurrent = NotebookCase.Load(Path.Combine(settings.Notebooks, "concurrent.ipynb"));
        if (notebooks.Count == 0)
        {
            throw new InvalidOperationException($"no contents-*.ipynb in {settings.Notebooks}");
        }

        var python3 = await new KernelSpecFinder().FindAsync("python3")
            ?? throw new InvalidOperationException("no python3 kernelspec (Debian's python3-ipykernel) on the Jupyter path");
        var jupyter = new ServerFigures("jupyter_server");
        var quire = new ServerFigures("Quire");
        var kernelAlone = new List<double>();

        Progress("starting jupyter_server and quire serve");
        await using var jupyterServer = await ServerProcess.StartJupyterAsync(Root(settings, "jupyter_server"), State(settings, "jupyter_server"), Token);
        await using var quireServer = await ServerProcess.StartQuireAsync(settings.QuireDll, Root(settings, "quire"), State(settings, "quire"), Token);
        using var jupyterApi = new ServerApi(jupyterServer);
        using var quireApi = new ServerApi(quireServer);
        var sides = new[] { (Api: jupyterApi, Figures: jupyter), (Api: quireApi, Figures: quire) };

        foreach (var (api, _) in sides)
        {
            foreach (var notebook in notebooks.Append(concurrent))
            {
                await ContentsMeasure.CheckAsync(api, notebook);
            }

            // One untimed pass of the concurrent GETs: connections opened, handlers warmed up.
            await ConcurrentGetMeasure.RunAsync(api, concurrent, settings.Workers, TimeSpan.FromSeconds(1), figures: null);
        }

        for (var round = 0; round < settings.Rounds; round++)
        {
            var order = round % 2 == 0 ? sides : sides.Reverse().ToArray();
            var tag = $"round {round + 1}/{settings.Rounds}";
            foreach (var notebook in notebooks)
            {
                foreach (var (api, figures) in order)
                {
                    Progress($"{tag}: {figures.Label}: GET and PUT of {notebook.Label} × {settings.Passes}");
                    await ContentsMeasure.RunAsync(api, notebook, settings.Passes, figures);
                    Progress($"    GET {Recent(figures.Get[notebook.Name], settings.Passes)}, PUT {Recent(figures.Put[notebook.Name], settings.Passes)}");
                }
            }

            foreach (var (api, figures) in order)
            {
                Progress($"{tag}: {figures.Label}: {settings.Workers} workers GET {concurrent.Label} for {settings.Seconds} s");
                await ConcurrentGetMeasure.RunAsync(api, concurrent, settings.Workers, TimeSpan.FromSeconds(settings.Seconds), figures);
                Progress($"    {figures.RequestsPerSecond[^1]:0} requests/s; CPU per request: server {figures.ServerCpuPerRequest[^1]:0.000} ms, client {figures.ClientCpuPerRequest[^1]:0.000} ms");
            }

            foreach (var (api, figures) in order)
            {
                Progress($"{tag}: {figures.Label}: {settings.Kernels} kernels started at once");
                await KernelStartMeasure.RunAsync(api, settings.Kernels, figures);
                Progress($"    all answered {figures.AllPosted[^1]:0} ms, all idle {figures.AllIdle[^1]:0} ms ({figures.RestIdle[^1]} idle by GET), all deleted {figures.AllDeleted[^1]:0} ms");
            }

            Progress($"{tag}: the kernel alone: {settings.ExecutesPerRound} × `1+1` over ZeroMQ");
            await RoundTripMeasure.KernelAloneAsync(python3, settings.ExecutesPerRound, kernelAlone);
            Progress($"    p50 {Recent(kernelAlone, settings.ExecutesPerRound)}");
            foreach (var (api, figures) in order)
            {
                Progress($"{tag}: {figures.Label}: {settings.ExecutesPerRound} × `1+1` over each WebSocket protocol and over ZeroMQ");
                await RoundTripMeasure.RunAsync(api, settings.ExecutesPerRound, round, figures);
                var n = settings.ExecutesPerRound;
                Progress($"    p50 legacy {Recent(figures.Legacy, n)}, v1 {Recent(figures.V1, n)}, ZeroMQ {Recent(figures.ZeroMq, n)}");
            }
        }

        jupyter.PeakResidentBytes = jupyterServer.PeakResidentBytes();
        quire.PeakResidentBytes = quireServer.PeakResidentBytes();
        new ServerReport(Console.Out, settings, jupyter, quire, kernelAlone).Write(notebooks, concurrent);
        return 0;
    }

    private static string Root(ServerSettings settings, string side)
    {
        var root = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, side, "root")).FullName;
        foreach (var file in Directory.GetFiles(settings.Notebooks, "*.ipynb"))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)), overwrite: true);
        }

        return root;
    }

    private static string State(ServerSettings settings, string side) =>
        Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, side, "state")).FullName;

    private static void Progress(string text) => Console.Error.WriteLine(text);

    private static string Recent(List<double> values, int count) =>
        values.Count == 0 ? "n/a" : $"{Samples.Median(values[Math.Max(0, values.Count - count)..]):0.00} ms";
}
