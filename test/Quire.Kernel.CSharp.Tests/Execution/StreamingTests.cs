using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class StreamingTests
{
    [Fact]
    public async Task FirstLine_ArrivesWhileTheCellStillRuns()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var cell = kernel.Start("Console.WriteLine(\"first\");\nwhile (true) { }");
        var first = await cell.WaitForStreamAsync("first");
        await kernel.InterruptAsync();
        var result = await cell.CompleteAsync();

        // The line came out of a cell that only ended by interrupt, so before its end.
        Assert.Equal("KeyboardInterrupt", result.Reply.Ename);
        Assert.True(result.Outputs.ToList().IndexOf(first) < result.Outputs.ToList().FindIndex(m => m.MsgType == MessageTypes.Error));
    }

    [Fact]
    public async Task WritesFromTasksAndThreads_GoToTheCell()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(
            "await Task.Run(() => Console.WriteLine(\"from a task\"));\n" +
            "var t = new Thread(() => Console.Error.WriteLine(\"from a thread\"));\nt.Start();\nt.Join();");

        Assert.Equal("from a task\n", result.Streams("stdout"));
        Assert.Equal("from a thread\n", result.Streams("stderr"));
    }

    [Fact]
    public async Task ManyWrites_AreBatchedIntoFewMessages_InOrder()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("for (var i = 0; i < 100_000; i++) Console.WriteLine(i);");

        var expected = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{i}\n"));
        Assert.Equal(expected, result.Streams("stdout"));
        Assert.InRange(result.OfType("stream").Count, 1, 200);
    }

    [Fact]
    public async Task Streams_ComeBeforeTheResult()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Console.Write(\"a\");\n42");

        var types = result.Outputs.Select(m => m.MsgType).Where(t => t is "stream" or "execute_result").ToArray();
        Assert.Equal(["stream", "execute_result"], types);
        Assert.Equal(["42"], result.Results);
    }

    [Fact]
    public async Task ACharacterOnTheBoundaryOfTwoBuffers_ArrivesWhole()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        // The writer's buffers hold 64K characters: the emoji's two halves fall on both sides of the first boundary.
        var result = await kernel.ExecuteAsync("Console.Write(new string('x', 65535) + \"😀\" + \"end\");");

        Assert.Equal(new string('x', 65535) + "😀end", result.Streams("stdout"));
    }

    [Fact]
    public async Task EscapedCharacters_RoundTrip()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Console.Write(\"tab\\tquote\\\"back\\\\slash\\u0001 é 中 😀\\r\\n\");");

        Assert.Equal("tab\tquote\"back\\slash\u0001 é 中 😀\r\n", result.Streams("stdout"));
    }
}
