using System.Collections.Concurrent;
using System.Diagnostics;

namespace Quire.Benchmarks.Server;

/// <summary>
/// N python3 kernels POSTed at once; each is ready once, as a JupyterLab client sees it, its WebSocket delivered the
/// kernel_info_reply and the iopub <c>idle</c> status of the client's kernel_info_request (re-sent after 10 s without).
/// Then one GET of the kernel records whether REST says <c>idle</c> too (not timed: jupyter_server 1.23 shows
/// <c>starting</c> until its own iopub subscription hears a status, which under load can miss the first ones for good).
/// Then all are deleted at once. A POST answered with a 5xx is counted and retried at once within the timing, as a user
/// would; WebSockets that took over 10 s to open and re-sent kernel_info_requests are counted too.
/// </summary>
internal static class KernelStartMeasure
{
    private const int MaxAttempts = 3;

    private static readonly TimeSpan SlowConnect = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KernelInfoRetry = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(ServerApi api, int count, ServerFigures figures)
    {
        var batch = new Batch(api);
        var succeeded = false;
        try
        {
            var kernels = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartOneAsync(batch)));
            figures.AllPosted.Add(kernels.Max(k => k.Posted));
            figures.AllIdle.Add(kernels.Max(k => k.Idle));
            figures.RestIdle.Add(kernels.Count(k => k.RestIdle));
            succeeded = true;
        }
        finally
        {
            figures.StartFailures.AddRange(batch.Failures);
            figures.SlowConnects.AddRange(batch.SlowConnects);
            figures.KernelInfoResends += batch.Resends;
            foreach (var socket in batch.Sockets)
            {
                await socket.DisposeAsync();
            }

            // A kernel the server no longer has (it died and was dropped) is reported, and must not hide what failed.
            var deleting = Stopwatch.StartNew();
            var deleted = await Task.WhenAll(batch.Started.Select(api.TryDeleteKernelAsync));
            var gone = deleted.Count(d => !d);
            if (gone > 0)
            {
                Console.Error.WriteLine($"{api.Server.Label}: {gone} of {deleted.Length} kernels were gone before their DELETE");
            }

            if (succeeded)
            {
                figures.AllDeleted.Add(deleting.Elapsed.TotalMilliseconds);
            }
        }
    }

    private static async Task<(double Posted, double Idle, bool RestIdle)> StartOneAsync(Batch batch)
    {
        var id = await PostAsync(batch);
        batch.Started.Enqueue(id);
        var posted = batch.Clock.Elapsed.TotalMilliseconds;
        var socket = await ChannelsSocket.ConnectAsync(batch.Api, id, offerV1: false);
        batch.Sockets.Enqueue(socket);
        var connecting = batch.Clock.Elapsed.TotalMilliseconds - posted;
        if (connecting > SlowConnect.TotalMilliseconds)
        {
            batch.SlowConnects.Enqueue(connecting);
        }

        Interlocked.Add(ref batch.Resends, await socket.KernelInfoUntilIdleAsync(KernelInfoRetry));
        var idle = batch.Clock.Elapsed.TotalMilliseconds;
        return (posted, idle, await batch.Api.KernelStateAsync(id) == "idle");
    }

    private static async Task<string> PostAsync(Batch batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (id, error) = await batch.Api.TryStartKernelAsync("python3");
            if (id is not null)
            {
                return id;
            }

            batch.Failures.Enqueue(error ?? string.Empty);
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"{batch.Api.Server.Label}: POST api/kernels failed {MaxAttempts} times in a row; last: {error}");
            }
        }
    }

    /// <summary>What the concurrent starts of one batch share.</summary>
    private sealed class Batch(ServerApi api)
    {
        // A field, for Interlocked.
        public int Resends;

        public ServerApi Api { get; } = api;

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public ConcurrentQueue<string> Started { get; } = new();

        public ConcurrentQueue<ChannelsSocket> Sockets { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public ConcurrentQueue<double> SlowConnects { get; } = new();
    }
}
