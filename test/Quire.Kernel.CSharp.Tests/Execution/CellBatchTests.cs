using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Execution;

/// <summary>
/// Cells queued behind the running one compile together (CellBatch) and still behave as cells of their own. Each test
/// first sends a cell that waits on a gate (not batchable: it has a using), queues the cells, then opens the gate, so
/// that every cell is in the kernel's queue when the first of them starts.
/// </summary>
public sealed class CellBatchTests
{
    [Fact]
    public async Task QueuedCells_RunAsOneBatch_EachWithItsOwnOutputsAndCount()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var before = 10;");

        var results = await RunQueuedAsync(kernel, "var a = 1;", "Console.WriteLine(a);", "var b = a + before;", "b * 10", "Console.Write(\"last\");\na + b // the sum");

        Assert.Equal(1, kernel.Engine.BatchesStarted);
        Assert.All(results, r => Assert.True(r.IsOk, r.Reply.Evalue));
        Assert.Equal("1\n", results[1].Streams("stdout"));
        Assert.Empty(results[0].Streams("stdout"));
        Assert.Equal(["110"], results[3].Results);
        Assert.Equal("last", results[4].Streams("stdout"));
        Assert.Equal(["12"], results[4].Results);
        Assert.Equal([3L, 4L, 5L, 6L, 7L], results.Select(r => r.Reply.ExecutionCount));
        Assert.Equal(["12"], (await kernel.ExecuteAsync("a + b")).Results);
    }

    [Fact]
    public async Task AnExceptionInABatch_KeepsWhatRan_AndNamesWhatDidNot()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var warm = 0;");

        var results = await RunQueuedAsync(kernel, "var a = 1;", "var half = a;\nthrow new InvalidOperationException(\"stop\");", "var c = 3;", "Console.WriteLine(\"never\");");

        Assert.Equal(1, kernel.Engine.BatchesStarted);
        Assert.True(results[0].IsOk);
        Assert.Equal("InvalidOperationException", results[1].Reply.Ename);
        Assert.Contains(results[1].Reply.Traceback!, l => l.Contains("in cell [4], line 2", StringComparison.Ordinal));
        Assert.Equal(["aborted", "aborted"], results.Skip(2).Select(r => r.Reply.Status));
        Assert.Empty(results[3].Streams("stdout"));

        Assert.Equal(["(1, 1)"], (await kernel.ExecuteAsync("(a, half)")).Results);
        var unrun = await kernel.ExecuteAsync("c");
        Assert.False(unrun.IsOk);
        Assert.Contains("c is declared in a cell that has not run", string.Join('\n', unrun.Reply.Traceback!), StringComparison.Ordinal);
        Assert.Equal(["30"], (await kernel.ExecuteAsync("var c = 30;\nc")).Results);
    }

    [Fact]
    public async Task CellsThatWouldMeanSomethingElseInOneSubmission_AreNotBatched()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var a = 1;");

        // Redeclaring a name (a chain lets the later cell hide it) and using a name before the cell that declares it.
        var redeclared = await RunQueuedAsync(kernel, "var x = 1;", "var x = \"text\";");
        var forward = await RunQueuedAsync(kernel, "Console.WriteLine(y);", "var y = 2;");

        // A top-level `using var` is a local of its submission, disposed when it ends: in a batch, later cells would see it.
        var local = await RunQueuedAsync(kernel, "using var stream = new MemoryStream();", "stream.CanRead");

        Assert.Equal(0, kernel.Engine.BatchesStarted);
        Assert.All(redeclared, r => Assert.True(r.IsOk, r.Reply.Evalue));
        Assert.Equal(["4"], (await kernel.ExecuteAsync("x.Length")).Results);
        Assert.Equal("CompilationError", forward[0].Reply.Ename);
        Assert.Equal("aborted", forward[1].Reply.Status);
        Assert.Contains("The name 'stream' does not exist", local[1].Reply.Evalue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchEndedBeforeItsLastCell_KeepsWhatRan_AndHidesTheRest()
    {
        // Through the runner: over the protocol the cells of a batch always come (or are aborted after an error).
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
        var first = await runner.RunAsync("var p = 1;", 1, () => ["var q = p + 1;", "var r = 3;"], TestContext.Current.CancellationToken);
        var second = await runner.RunAsync("var q = p + 1;", 2, () => [], TestContext.Current.CancellationToken);

        // A different cell than the one the batch waits for ends it first.
        await runner.SettleAsync("p + q");
        var names = runner.Variables.Select(v => v.Name).ToList();
        var sum = await runner.RunAsync("p + q", 3, TestContext.Current.CancellationToken);
        var unrun = await Assert.ThrowsAsync<Microsoft.CodeAnalysis.Scripting.CompilationErrorException>(() => runner.RunAsync("r", 4, TestContext.Current.CancellationToken));

        Assert.Equal(1, runner.BatchesStarted);
        Assert.Null(first.Exception);
        Assert.Null(second.Exception);
        Assert.Contains("q", names);
        Assert.DoesNotContain("r", names);
        Assert.Equal(3, sum.Value);
        Assert.Contains("r is declared in a cell that has not run", unrun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMagicAfterABatch_SeesWhatItDefined()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var warm = 0;");

        await RunQueuedAsync(kernel, "var p = 1;", "var q = p + 1;");
        var who = await kernel.ExecuteAsync("%who");

        Assert.Equal(1, kernel.Engine.BatchesStarted);
        var listed = Assert.Single(who.OfType(MessageTypes.DisplayData)).GetContent(MessagingJsonContext.Default.DisplayData).Data["text/plain"].GetString()!;
        Assert.Matches(@"q\s+int", listed);
    }

    [Fact]
    public async Task ABatchThatDoesNotCompile_LetsEachCellReportItsOwnError()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var warm = 0;");

        var results = await RunQueuedAsync(kernel, "var a = 1;", "var b = a +\n    undefinedName;", "var c = 2;");

        Assert.Equal(0, kernel.Engine.BatchesStarted);
        Assert.True(results[0].IsOk);
        Assert.Equal("CompilationError", results[1].Reply.Ename);
        Assert.Contains("(2,5): error CS0103: The name 'undefinedName' does not exist", results[1].Reply.Evalue, StringComparison.Ordinal);
        Assert.Equal("aborted", results[2].Reply.Status);
    }

    [Fact]
    public async Task AnInterruptInABatch_StopsThatCell_AndAbortsTheRest()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var warm = 0;");
        var (holder, gate, pending) = Queue(kernel, null, "var a = 1;", "Console.WriteLine(\"looping\");\nwhile (true) { }", "var z = 1;");

        gate.Set();
        await pending[1].WaitForStreamAsync("looping");
        await kernel.InterruptAsync();
        var results = await Task.WhenAll(pending.Select(p => p.CompleteAsync()));

        Assert.True((await holder.CompleteAsync()).IsOk);
        Assert.Equal(1, kernel.Engine.BatchesStarted);
        Assert.True(results[0].IsOk);
        Assert.Equal("KeyboardInterrupt", results[1].Reply.Ename);
        Assert.Equal("aborted", results[2].Reply.Status);
        Assert.Equal(["1"], (await kernel.ExecuteAsync("a")).Results);
        gate.Dispose();
    }

    [Fact]
    public async Task InputInABatch_IsAskedForTheCellThatReadsIt()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("var warm = 0;");
        var (holder, gate, pending) = Queue(kernel, ["Ada"], "var greeting = \"hello\";", "var name = Input(\"name? \");", "$\"{greeting} {name}\"");

        gate.Set();
        var results = await Task.WhenAll(pending.Select(p => p.CompleteAsync()));

        Assert.True((await holder.CompleteAsync()).IsOk);
        Assert.Equal(1, kernel.Engine.BatchesStarted);
        Assert.Empty(results[0].InputRequests);
        Assert.Equal("name? ", Assert.Single(results[1].InputRequests).Prompt);
        Assert.Equal(["hello Ada"], results[2].Results.Select(r => r.Trim('"')));
        gate.Dispose();
    }

    /// <summary>Queues <paramref name="cells"/> behind a cell that holds the kernel until all of them are queued.</summary>
    private static async Task<CellResult[]> RunQueuedAsync(CSharpKernelHarness kernel, params string[] cells)
    {
        var (holder, gate, pending) = Queue(kernel, null, cells);
        using (gate)
        {
            gate.Set();
            Assert.True((await holder.CompleteAsync()).IsOk);
            return await Task.WhenAll(pending.Select(p => p.CompleteAsync()));
        }
    }

    /// <summary>Sends a cell that waits for the returned gate (not batchable: it has a using), then <paramref name="cells"/>.</summary>
    private static (PendingCell Holder, ManualResetEventSlim Gate, List<PendingCell> Cells) Queue(CSharpKernelHarness kernel, string[]? inputs, params string[] cells)
    {
        var key = $"quire-test-gate-{Guid.NewGuid():N}";
        var gate = new ManualResetEventSlim();
        AppContext.SetData(key, gate);
        var holder = kernel.Start($"using System.Threading;\n((ManualResetEventSlim)AppContext.GetData(\"{key}\")!).Wait();");
        return (holder, gate, [.. cells.Select(code => kernel.Start(code, allowStdin: inputs is not null, inputs: inputs))]);
    }
}
