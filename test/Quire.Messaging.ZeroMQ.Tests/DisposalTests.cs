using System.Diagnostics;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ.Tests;

public sealed class DisposalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispose_EndsTheConnectionThread_AndCompletesTheReaders()
    {
        var pair = await Pair.OpenAsync();
        Assert.True(await pair.Client.PingAsync(Wait.Long, Ct), "expected a heartbeat echo before disposal");
        var threads = new[] { ((ZeroMqConnection)pair.Client).PollerThread, ((ZeroMqConnection)pair.Kernel).PollerThread };
        Assert.All(threads, t => Assert.True(t.IsAlive, $"{t.Name} should run while the connection is open"));

        await pair.DisposeAsync();

        Assert.All(threads, t => Assert.False(t.IsAlive, $"{t.Name} still runs after disposal"));
        await Wait.ForAsync(pair.Client.Reader(KernelChannel.Shell).Completion.ContinueWith(_ => true, Ct), "the client's shell reader to complete");
        await Wait.ForAsync(pair.Kernel.Reader(KernelChannel.Shell).Completion.ContinueWith(_ => true, Ct), "the kernel's shell reader to complete");
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
            await pair.Client.SendAsync(KernelChannel.Shell, pair.ClientSession.CreateRaw("kernel_info_request", "{}"u8.ToArray()), Ct));
        await pair.DisposeAsync();
    }

    [Fact]
    public async Task ManyConnections_LeaveNoThreadsBehind()
    {
        // NetMQ's own I/O and reaper threads start with the first socket and stay: start them before counting.
        await (await Pair.OpenAsync()).DisposeAsync();
        var before = ThreadCount();

        var pairs = new List<Pair>();
        for (var i = 0; i < 8; i++)
        {
            pairs.Add(await Pair.OpenAsync());
        }

        var threads = pairs.SelectMany(p => new[] { ((ZeroMqConnection)p.Client).PollerThread, ((ZeroMqConnection)p.Kernel).PollerThread }).ToList();
        Assert.Equal(16, threads.Distinct().Count(t => t.IsAlive));
        foreach (var pair in pairs)
        {
            await pair.DisposeAsync();
        }

        Assert.DoesNotContain(threads, t => t.IsAlive);

        // Other tests run alongside and the thread pool comes and goes; sixteen leaked threads would not hide in that.
        Assert.InRange(ThreadCount(), 0, before + 12);
    }

    [Fact]
    public async Task Dispose_ClosesTheSockets_SoPortsCanBeBoundAgain_AndPingsFail()
    {
        var transport = new ZeroMqTransport();
        var info = ConnectionFile.Create("test");
        var kernel = await transport.BindAsync(info, Ct);
        await using var client = await transport.ConnectAsync(info, Ct);
        Assert.True(await client.PingAsync(Wait.Long, Ct), "expected an echo from the first kernel side");

        await kernel.DisposeAsync();
        Assert.False(await client.PingAsync(TimeSpan.FromMilliseconds(300), Ct), "expected no echo once the kernel side is closed");

        await using var again = await transport.BindAsync(info, Ct);
        Assert.True(await client.PingAsync(Wait.Long, Ct), "expected the client to reconnect to a kernel bound on the same ports");
    }

    private static int ThreadCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }
}
