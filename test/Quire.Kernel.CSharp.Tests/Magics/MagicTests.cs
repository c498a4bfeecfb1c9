using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Magics;

public sealed class MagicTests
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    [Theory]
    [InlineData("%%html\n<b>bold</b>\n", "text/html", "<b>bold</b>\n")]
    [InlineData("%%markdown\n# Title", "text/markdown", "# Title")]
    public async Task HtmlAndMarkdownCells_DisplayTheirBody_WithoutCompilingIt(string cell, string mimeType, string body)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(cell);

        Assert.True(result.IsOk, result.Reply.Evalue);
        var data = Assert.Single(result.OfType(MessageTypes.DisplayData)).GetContent(Json.DisplayData).Data;
        Assert.Equal(body, data[mimeType].GetString());
        Assert.Equal(body, data["text/plain"].GetString());
        Assert.Empty(result.Results);
    }

    [Fact]
    public async Task Lsmagic_ListsLineAndCellMagics()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("%lsmagic");

        Assert.True(result.IsOk, result.Reply.Evalue);
        var listing = result.Streams("stdout");
        foreach (var magic in new[] { "%time", "%who", "%lsmagic", "%%time", "%%html", "%%markdown" })
        {
            Assert.Contains(magic, listing, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CellTime_RunsTheCell_KeepsItsValue_AndPrintsWallTimeLast()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("%%time\nvar sum = 0;\nfor (var i = 1; i <= 10; i++) { sum += i; }\nConsole.WriteLine(\"done\");\nsum");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["55"], result.Results);
        Assert.Matches(@"^done\nWall time: [0-9.]+ (ns|µs|ms|s)\n$", result.Streams("stdout"));
    }

    [Fact]
    public async Task LineTime_TimesTheCodeAfterIt()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("%time 6 * 7");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["42"], result.Results);
        Assert.StartsWith("Wall time: ", result.Streams("stdout"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%%time\nConsole.WriteLine(\"side effect\")", "side effect\n")]
    [InlineData("%%time\nawait Task.Delay(1)", "")]
    public async Task Time_OfACellWithoutValue_HasNoResult(string cell, string printed)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(cell);

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Empty(result.Results);
        Assert.StartsWith(printed + "Wall time: ", result.Streams("stdout"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_OfAnAwaitedValue_KeepsTheValue()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("%%time\nawait Task.FromResult(\"awaited\")");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["awaited"], result.Results);
    }

    [Fact]
    public async Task Time_KeepsTheCellsLineNumbers_InErrors()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("%%time\nvar a = 1;\nvar b = missing;");

        Assert.False(result.IsOk);
        Assert.StartsWith("(3,9)", result.Reply.Evalue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%nosuch", "`%nosuch`")]
    [InlineData("%%nosuch\nx", "`%%nosuch`")]
    public async Task UnknownMagic_FailsTheCell_NamingIt(string cell, string named)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(cell);

        Assert.False(result.IsOk);
        Assert.Contains(named, result.Reply.Evalue, StringComparison.Ordinal);
        Assert.Contains("not found", result.Reply.Evalue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModuloAtTheStartOfALine_AfterCode_IsStillCSharp()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("var n = 17\n%5;\nn");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["2"], result.Results);
    }

    [Fact]
    public async Task Who_ListsVariablesAndTheirTypes_ButNotTheKernels()
    {
        await using var kernel = new DispatcherKernel();
        await kernel.ExecuteAsync("%%time\nvar count = 3;\nvar name = \"Ada\";\nvar list = new List<int>();");

        var result = await kernel.ExecuteAsync("%who");

        Assert.True(result.IsOk, result.Reply.Evalue);
        var data = Assert.Single(result.OfType(MessageTypes.DisplayData)).GetContent(Json.DisplayData).Data;
        var text = data["text/plain"].GetString()!;
        Assert.Matches(@"count\s+int(\n|$)", text);
        Assert.Matches(@"name\s+string(\n|$)", text);
        Assert.Matches(@"list\s+List<int>", text);
        Assert.DoesNotContain("__quire", text, StringComparison.Ordinal);
        Assert.Contains("<td>count</td><td>int</td>", data["text/html"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_BeforeAnyVariable_SaysTheNamespaceIsEmpty_AndTheCellGoesOn()
    {
        await using var kernel = new DispatcherKernel();

        var result = await kernel.ExecuteAsync("%who\n1 + 1");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal("Interactive namespace is empty.\n", result.Streams("stdout"));
        Assert.Equal(["2"], result.Results);
    }
}
