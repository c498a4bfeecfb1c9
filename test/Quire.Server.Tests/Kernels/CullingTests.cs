using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quire.Server.Kernels;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

/// <summary>Idle culling as jupyter_server's, driven by a fake clock: no test waits for real minutes.</summary>
public sealed class CullingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task IdleKernelWithoutConnections_IsCulledByTheTimer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await StartAsync(time, k => k);
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        var culled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Registry.KernelCulled += k => culled.TrySetResult(k);

        time.Advance(Timeout + Interval + Interval);

        Assert.Equal(id, await Within.Async(culled.Task, Within.Kernel, "the culler's timer to shut down the idle kernel"));
        Assert.Empty((await server.GetJsonAsync("api/kernels")).EnumerateArray());
    }

    [Fact]
    public async Task KernelIdleLessThanTheTimeout_IsKept()
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time, k => k);
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;

        time.Advance(Timeout - TimeSpan.FromSeconds(1));
        await server.Registry.CullOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(server.Registry.TryGet(id, out _), "a kernel idle for less than cull_idle_timeout was culled");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task ConnectedKernel_IsCulledOnlyWithCullConnected(bool cullConnected, bool kept)
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time, k => k with { CullConnected = cullConnected });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        time.Advance(Timeout + TimeSpan.FromSeconds(1));
        await server.Registry.CullOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(kept, server.Registry.TryGet(id, out _));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task BusyKernel_IsCulledOnlyWithCullBusy(bool cullBusy, bool kept)
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time, k => k with { CullBusy = cullBusy, CullConnected = true });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);
        var busy = server.WaitForStateAsync(id, "busy", "the kernel to be busy");
        await socket.SendExecuteAsync("sleep 60");
        await busy;

        time.Advance(Timeout + TimeSpan.FromSeconds(1));
        await server.Registry.CullOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(kept, server.Registry.TryGet(id, out _));
    }

    [Fact]
    public async Task UserActivity_ResetsTheIdleClock_ButTheServersOwnRequestsDoNot()
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time, k => k);
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using (var socket = await server.ConnectAsync(id))
        {
            time.Advance(Timeout - TimeSpan.FromMinutes(1));
            await socket.ExecuteAsync("print activity");
            var afterExecution = server.Registry.Kernels.Single().LastActivity;
            Assert.Equal(time.GetUtcNow(), afterExecution);

            // kernel_info is not user activity (jupyter_server's untracked message types).
            time.Advance(TimeSpan.FromSeconds(5));
            var info = await socket.SendAsync("shell", "kernel_info_request");
            await socket.WaitForAsync(m => m.ParentMsgId == info && m.IsStatus("idle"), Within.Kernel, "the kernel_info request's idle status");
            Assert.Equal(afterExecution, server.Registry.Kernels.Single().LastActivity);
        }

        time.Advance(Timeout - TimeSpan.FromMinutes(1));
        await server.Registry.CullOnceAsync(TestContext.Current.CancellationToken);
        Assert.True(server.Registry.TryGet(id, out _), "a kernel used less than cull_idle_timeout ago was culled");
    }

    [Fact]
    public async Task DeadKernel_IsCulledAtOnce()
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time, k => k with { KernelManager = k.KernelManager with { RestartLimit = 0 } });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using (var socket = await server.ConnectAsync(id))
        {
            await socket.SendExecuteAsync("exit 1");
            await socket.WaitForAsync(m => m.IsStatus("dead"), Within.Kernel, "the kernel to be declared dead");
        }

        await server.Registry.CullOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(server.Registry.TryGet(id, out _), "a dead kernel was not culled");
    }

    private static Task<KernelServer> StartAsync(FakeTimeProvider time, Func<KernelsOptions, KernelsOptions> configure) =>
        KernelServer.StartAsync(
            k => configure(k with { CullIdleTimeout = Timeout, CullInterval = Interval }),
            builder => builder.Services.AddSingleton<TimeProvider>(time));
}
