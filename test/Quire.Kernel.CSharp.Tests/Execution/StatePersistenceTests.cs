using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class StatePersistenceTests
{
    [Fact]
    public async Task TrailingExpression_IsTheResult_AndStatePersists()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var first = await kernel.ExecuteAsync("var x = 41;");
        var second = await kernel.ExecuteAsync("x + 1");

        Assert.True(first.IsOk, first.Reply.Evalue);
        Assert.Empty(first.Results);
        Assert.Equal(["42"], second.Results);
        Assert.Equal(2, second.Reply.ExecutionCount);
    }
}
