using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class WarmUpTests
{
    [Fact]
    public async Task FirstCell_SeesNothingOfTheWarmUp()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        // The warm-up compiles and runs code of its own before the first cell: none of it may show.
        var who = await kernel.ExecuteAsync("%who");
        var first = await kernel.ExecuteAsync("Console.Write(\"only this\");");

        Assert.True(who.IsOk, who.Reply.Evalue);
        Assert.Equal("Interactive namespace is empty.\n", who.Streams("stdout"));
        Assert.Equal("only this", first.Streams("stdout"));
        Assert.Equal("", first.Streams("stderr"));
        Assert.Empty(first.Results);
        Assert.Equal(2, first.Reply.ExecutionCount);
    }

    [Fact]
    public async Task FirstCells_GetTheDefaultUsings_AndEveryFrameworkAssembly()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(
            "var matched = System.Text.RegularExpressions.Regex.IsMatch(\"abc\", \"b\");\n" +
            "var json = System.Text.Json.JsonSerializer.Serialize(new List<int> { 1 });\n" +
            "$\"{matched} {json} {typeof(HttpClient).Name}\"");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["True [1] HttpClient"], result.Results);
    }
}
