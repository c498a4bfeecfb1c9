using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

/// <summary>Which trailing expressions are a cell's result: any with a type other than void, decided by syntax where it can be.</summary>
public sealed class TrailingValueTests
{
    [Theory]
    [InlineData("(1 + 2)", "3")]
    [InlineData("var y = 0;\ny = 5", "5")]
    [InlineData("new[] { 1, 2 }.Length", "2")]
    [InlineData("$\"{1}a\"", "1a")]
    [InlineData("Math.Max(4, 7)", "7")]
    [InlineData("await Task.FromResult(8)", "8")]
    [InlineData("\"abc\"?.Length", "3")]
    public async Task ExpressionsWithAValue_AreTheResult(string code, string expected)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(code);

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal([expected], result.Results);
    }

    [Theory]
    [InlineData("Console.Write(\"\")")]
    [InlineData("(Console.Write(\"\"))")]
    [InlineData("await Task.Delay(1)")]
    [InlineData("null")]
    [InlineData("new List<int>()?.Clear()")]
    public async Task VoidCallsAndNull_HaveNoResult(string code)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(code);

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Empty(result.Results);
    }
}
