using Microsoft.Extensions.Time.Testing;
using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.EditorServices;

/// <summary>The editor services warm up only once cells stop coming for a moment, never between back-to-back cells.</summary>
public sealed class EditorWarmUpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EditorWarmUp_WaitsForAPauseAfterTheCells()
    {
        var time = new FakeTimeProvider();
        var almost = CSharpEngine.EditorWarmUpIdle - TimeSpan.FromMilliseconds(1);
        await using var kernel = await CSharpKernelHarness.StartAsync(time);

        await kernel.ExecuteAsync("var a = 1;");
        time.Advance(almost);
        await kernel.ExecuteAsync("var b = a + 1;");
        time.Advance(almost);
        var beforePause = kernel.Engine.EditorWarmUp;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var afterPause = kernel.Engine.EditorWarmUp;

        Assert.Null(beforePause);
        Assert.NotNull(afterPause);
        await afterPause.WaitAsync(Timeout, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EditorWarmUp_DoesNotStartWhileCellsComeOneAfterAnother()
    {
        var time = new FakeTimeProvider();
        await using var kernel = await CSharpKernelHarness.StartAsync(time);

        for (var i = 0; i < 3; i++)
        {
            await kernel.ExecuteAsync($"var v{i} = {i};");
            time.Advance(CSharpEngine.EditorWarmUpIdle / 2);
        }

        Assert.Null(kernel.Engine.EditorWarmUp);
    }
}
