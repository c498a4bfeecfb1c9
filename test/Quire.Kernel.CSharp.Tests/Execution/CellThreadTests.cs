using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

[Collection(CellThreadSerial.Name)]
public sealed class CellThreadTests
{
    [Fact]
    public async Task CellsOneAfterAnother_ShareTheirThread()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var first = await kernel.ExecuteAsync("(Environment.CurrentManagedThreadId, Thread.CurrentThread.Name)");
        var second = await kernel.ExecuteAsync("(Environment.CurrentManagedThreadId, Thread.CurrentThread.Name)");

        Assert.Equal(first.Results, second.Results);
        Assert.Contains("Quire cell", first.Results[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACellStuckAfterAnInterrupt_KeepsItsThread_AndTheNextCellGetsAnother()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        var before = await kernel.ExecuteAsync("Environment.CurrentManagedThreadId");

        // A blocking wait that ignores the interrupt: the kernel stops waiting for it, the thread stays blocked.
        var stuck = kernel.Start("Console.WriteLine(\"started\");\nnew ManualResetEventSlim().Wait();");
        await stuck.WaitForStreamAsync("started");
        await kernel.InterruptAsync();
        var interrupted = await stuck.CompleteAsync();
        var after = await kernel.ExecuteAsync("Environment.CurrentManagedThreadId");

        Assert.Equal("KeyboardInterrupt", interrupted.Reply.Ename);
        Assert.True(after.IsOk, after.Reply.Evalue);
        Assert.NotEqual(before.Results, after.Results);
    }
}
