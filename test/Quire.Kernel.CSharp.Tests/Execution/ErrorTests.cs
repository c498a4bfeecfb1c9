using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class ErrorTests
{
    [Fact]
    public async Task CompileError_NamesLineAndColumnOfTheCell()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("var a = 1;\nwhile (a < 3) { a++; }\nvar b = nope;");

        Assert.Equal("CompilationError", result.Reply.Ename);
        Assert.StartsWith("(3,9): error CS0103", result.Reply.Evalue, StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Fact]
    public async Task RuntimeException_PointsAtTheCellLine()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("var a = 1;\nvar b = 0;\nfor (var i = 0; i < 1; i++)\n    a = a / b;");

        Assert.Equal("DivideByZeroException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<cell> in cell [1], line 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MethodFromAnEarlierCell_IsNamedWithThatCellsCount()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("int Divide(int a, int b)\n{\n    return a / b;\n}");

        var result = await kernel.ExecuteAsync("var ok = 1;\nDivide(1, 0)");

        Assert.Contains(result.Reply.Traceback!, l => l.Contains("Divide(Int32 a, Int32 b) in cell [1], line 3", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("in cell [2], line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExceptionInALambda_KeepsLinqFrames()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("var xs = new[] { 1, 0 };\nxs.Select(x => 1 / x).ToList()");

        Assert.Equal("DivideByZeroException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<lambda> in cell [1], line 2", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("System.Linq", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AggregateException_ShowsItsInnerExceptions()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Task.Run(() => throw new InvalidOperationException(\"boom\")).Wait();");

        Assert.Equal("AggregateException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("System.InvalidOperationException: boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunawayRecursion_IsAnError_NotACrash()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("int F(int n) => F(n + 1);\nF(0)");
        var after = await kernel.ExecuteAsync("1 + 1");

        Assert.Equal("InsufficientExecutionStackException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("recursed too deeply", StringComparison.Ordinal));
        Assert.Equal(["2"], after.Results);
    }

    [Fact]
    public async Task DeepButFiniteRecursion_Works()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);\nDepth(100_000)");

        Assert.Equal(["100000"], result.Results);
    }

    [Fact]
    public async Task ExceptionOnABackgroundThread_IsPrinted_AndTheKernelSurvives()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var cell = kernel.Start("var t = new Thread(() => throw new InvalidOperationException(\"background boom\"));\nt.Start();\nt.Join();");
        var first = await cell.CompleteAsync();
        await cell.WaitForStreamAsync("background boom");
        var after = await kernel.ExecuteAsync("1 + 1");

        Assert.True(first.IsOk, first.Reply.Evalue);
        Assert.Equal(["2"], after.Results);
    }

    [Fact]
    public async Task StateSurvivesAFailedCell()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var failed = await kernel.ExecuteAsync("var kept = 5;\nthrow new InvalidOperationException(\"stop\");");
        var after = await kernel.ExecuteAsync("kept * 2");

        Assert.Equal("InvalidOperationException", failed.Reply.Ename);
        Assert.Equal("stop", failed.Reply.Evalue);
        Assert.Equal(["10"], after.Results);
    }
}
