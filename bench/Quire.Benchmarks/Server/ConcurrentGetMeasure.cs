using System.Diagnostics;

namespace Quire.Benchmarks.Server;

/// <summary>
/// N workers GET one small notebook (with content) back to back for a fixed time; the rate counts every request
/// answered from the first start until the last worker's last answer. The CPU time the server process and this client
/// spent per request is recorded too: on a shared 2-core machine it says more than the rate where the client is heavy.
/// </summary>
internal static class ConcurrentGetMeasure
{
    public static async Task RunAsync(ServerApi api, NotebookCase notebook, int workers, TimeSpan duration, ServerFigures? figures)
    {
        var serverCpu = api.Server.CpuTime();
        var clientCpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await api.GetNotebookAsync(notebook.Name);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        }));
        var results = await Task.WhenAll(runs);
        var seconds = clock.Elapsed.TotalSeconds;
        if (figures is not null)
        {
            var requests = results.Sum(r => r.Count);
            figures.RequestsPerSecond.Add(requests / seconds);
            figures.ServerCpuPerRequest.Add((api.Server.CpuTime() - serverCpu).TotalMilliseconds / requests);
            figures.ClientCpuPerRequest.Add((Environment.CpuUsage.TotalTime - clientCpu).TotalMilliseconds / requests);
            foreach (var latencies in results)
            {
                figures.ConcurrentLatency.AddRange(latencies);
            }
        }
    }
}
