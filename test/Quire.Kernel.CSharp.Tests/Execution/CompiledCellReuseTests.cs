using Microsoft.CodeAnalysis;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

/// <summary>Cells that declare nothing stay out of the submission chain, and running one again reuses its compilation.</summary>
public sealed class CompiledCellReuseTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SameCellAgain_RunsWithoutCompiling_UntilTheChainChanges()
    {
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
        await RunAsync(runner, "var x = 1;");
        var before = runner.Compilations;

        var first = await RunAsync(runner, "x + 1");
        var again = await RunAsync(runner, "x + 1");
        var afterRepeat = runner.Compilations;
        await RunAsync(runner, "var x = 10;");
        var redefined = await RunAsync(runner, "x + 1");

        Assert.Equal((2, 2, 11), ((int)first.Value!, (int)again.Value!, (int)redefined.Value!));
        Assert.Equal(before + 1, afterRepeat);
        Assert.Equal(afterRepeat + 2, runner.Compilations);
    }

    [Fact]
    public async Task NewReferences_MakeTheSameCellCompileAgain()
    {
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
        await RunAsync(runner, "1 + 1");
        var compiled = runner.Compilations;

        runner.AddReferences([MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location)]);
        var result = await RunAsync(runner, "1 + 1");
        var withXunit = await RunAsync(runner, "typeof(Xunit.Assert).Name");

        Assert.Equal(2, (int)result.Value!);
        Assert.Equal(compiled + 2, runner.Compilations);
        Assert.Equal("Assert", withXunit.Value);
    }

    [Fact]
    public async Task CellsThatDeclareNothing_StillChangeTheState()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var x = 1;\nvar list = new List<int>();");

        await kernel.ExecuteAsync("x = 5;");
        await kernel.ExecuteAsync("list.Add(x);");
        await kernel.ExecuteAsync("list.Add(x);");
        var result = await kernel.ExecuteAsync("(x, list.Count)");

        Assert.Equal(["(5, 2)"], result.Results);
    }

    [Fact]
    public async Task ACellWithAUsing_DeclaresIt_ForTheCellsAfter()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var with = await kernel.ExecuteAsync("using System.Text.Json;");
        var after = await kernel.ExecuteAsync("JsonSerializer.Serialize(1)");

        Assert.True(with.IsOk, with.Reply.Evalue);
        Assert.Equal(["1"], after.Results);
    }

    [Fact]
    public async Task LambdaOfAnEarlierCellThatDeclaredNothing_IsNamedWithThatCell()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("Func<int> f = null!;");

        // Cells 2 and 3 declare nothing, so both compile right after cell 1; the traceback still tells them apart.
        await kernel.ExecuteAsync("f = () =>\n    1 / int.Parse(\"0\");");
        var result = await kernel.ExecuteAsync("var unused = 0;\nf()");

        Assert.Equal("DivideByZeroException", result.Reply.Ename);
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<lambda> in cell [2], line 2", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Traceback!, l => l.Contains("<cell> in cell [3], line 2", StringComparison.Ordinal));
    }

    private static async Task<CellRun> RunAsync(ScriptRunner runner, string code)
    {
        var run = await runner.RunAsync(code, TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.True(run.Exception is null, $"`{code}` was expected to run: {run.Exception}");
        return run;
    }
}
