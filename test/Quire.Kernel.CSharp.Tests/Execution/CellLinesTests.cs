using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

/// <summary>Cells run without a PDB, and the lines of their frames are found only when a traceback needs them.</summary>
public sealed class CellLinesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACellsStackTrace_HasNoLines_YetItsTracebackNamesTheLine()
    {
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));

        var run = await runner.RunAsync("var a = 1;\nthrow new InvalidOperationException(\"boom\");", 1, TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var outcome = CellErrors.FromException(run.Exception!, runner.Lines, runner.CellOf);

        Assert.IsType<InvalidOperationException>(run.Exception);
        Assert.DoesNotContain(":line ", run.Exception.StackTrace, StringComparison.Ordinal);
        Assert.Contains(outcome.Traceback, l => l.Contains("<cell> in cell [1], line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAsyncMethodOfAnEarlierCell_ThrowingAfterAnAwait_IsNamedWithItsLine()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("async Task<int> Later(int x)\n{\n    await Task.Yield();\n    return 10 / x;\n}");

        var result = await kernel.ExecuteAsync("var n = 0;\nawait Later(n)");

        Assert.Equal("DivideByZeroException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("in cell [1], line 4", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<cell> in cell [2], line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMethodOfAClassInACell_IsNamedWithItsLine()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("class Parser\n{\n    public static int Parse(string s) =>\n        int.Parse(s);\n}");

        var result = await kernel.ExecuteAsync("Parser.Parse(\"x\")");

        Assert.Equal("FormatException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("Parse(String s) in cell [1], line 4", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<cell> in cell [2], line 1", StringComparison.Ordinal));
    }
}
