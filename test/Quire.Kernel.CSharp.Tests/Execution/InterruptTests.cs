using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class InterruptTests
{
    public static TheoryData<string> RunawayCells => new()
    {
        "while (true) { }",
        "for (;;);",
        "long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);\nFib(200)",
        "Enumerable.Range(0, int.MaxValue).SelectMany(i => Enumerable.Range(0, int.MaxValue)).Select(j => (long)j * j).Sum()",
        "await Task.Run(() => { while (true) { } });",
        "var spin = 0;\nspin: spin++;\ngoto spin;",
        "await Task.Delay(Timeout.Infinite, CancellationToken);",
        "await Task.Delay(Timeout.Infinite);",
        "Forever();",
        "do ; while (true);",
    };

    [Theory]
    [MemberData(nameof(RunawayCells))]
    public async Task Interrupt_StopsTheCell_AndKeepsEarlierState(string code)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        Assert.True((await kernel.ExecuteAsync("var x = 41;\nvoid Forever() { while (true) { } }")).IsOk);

        var cell = kernel.Start("Console.WriteLine(\"started\");\n" + code);
        await cell.WaitForStreamAsync("started");
        await kernel.InterruptAsync();
        var interrupted = await cell.CompleteAsync();
        var after = await kernel.ExecuteAsync("x + 1");

        Assert.Equal("error", interrupted.Reply.Status);
        Assert.Equal("KeyboardInterrupt", interrupted.Reply.Ename);
        Assert.Equal(["42"], after.Results);
    }

    [Fact]
    public async Task Interrupt_StopsBackgroundLoopsOfTheCell_AndTheKernelSurvives()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var cell = kernel.Start("new Thread(() => { while (true) { } }).Start();\nConsole.WriteLine(\"started\");\nwhile (true) { }");
        await cell.WaitForStreamAsync("started");
        await kernel.InterruptAsync();
        var interrupted = await cell.CompleteAsync();
        var after = await kernel.ExecuteAsync("1 + 1");

        Assert.Equal("KeyboardInterrupt", interrupted.Reply.Ename);
        Assert.Equal(["2"], after.Results);
    }
}
