namespace Quire.Kernel.CSharp.Tests.EditorServices;

public sealed class InspectionTests
{
    [Fact]
    public async Task ConsoleWriteLine_ShowsItsOverloadsAndSummary()
    {
        var kernel = new EditorKernel();

        var reply = await kernel.InspectAsync("Console.WriteLine");

        Assert.True(reply.Found, "Console.WriteLine was expected to be found");
        var text = reply.Data["text/plain"].GetString()!;
        Assert.Contains("void System.Console.WriteLine(string? value)", text, StringComparison.Ordinal);
        Assert.Contains("Writes", text, StringComparison.Ordinal);
        Assert.Contains("line terminator", text, StringComparison.Ordinal);
        Assert.StartsWith("```csharp\n", reply.Data["text/markdown"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoreLibType_FindsItsDocsInTheReferencePack()
    {
        var kernel = new EditorKernel();

        // List<T> is implemented in System.Private.CoreLib and documented in System.Collections.xml.
        var reply = await kernel.InspectAsync("new List<int>()", cursor: 8);

        Assert.True(reply.Found, "List<T> was expected to be found");
        var text = reply.Data["text/plain"].GetString()!;
        Assert.Contains("class System.Collections.Generic.List<int>", text, StringComparison.Ordinal);
        Assert.Contains("strongly typed list", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVariableOfAnEarlierCell_ShowsItsType()
    {
        var kernel = new EditorKernel();
        await kernel.RunAsync("var greeting = \"hi\";");

        var reply = await kernel.InspectAsync("greeting.Length + 1", cursor: 3);

        Assert.True(reply.Found, "greeting was expected to be found");
        Assert.Contains("string", reply.Data["text/plain"].GetString(), StringComparison.Ordinal);
        Assert.Contains("greeting", reply.Data["text/plain"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailLevelOne_AddsParametersAndReturns()
    {
        var kernel = new EditorKernel();

        var reply = await kernel.InspectAsync("Math.Max(1, 2)", cursor: 6, detailLevel: 1);

        Assert.True(reply.Found, "Math.Max was expected to be found");
        Assert.Contains("Returns:", reply.Data["text/plain"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whitespace_IsNotFound()
    {
        var kernel = new EditorKernel();

        var reply = await kernel.InspectAsync("   ", cursor: 1);

        Assert.False(reply.Found, "nothing was expected at a blank cursor");
        Assert.Empty(reply.Data);
    }
}
