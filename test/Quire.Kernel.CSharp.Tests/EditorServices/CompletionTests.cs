namespace Quire.Kernel.CSharp.Tests.EditorServices;

public sealed class CompletionTests
{
    [Fact]
    public async Task MemberOfAString_CompletesLength_ReplacingWhatWasTyped()
    {
        var kernel = new EditorKernel();

        var reply = await kernel.CompleteAsync("\"abc\".Len");

        Assert.Equal(["Length"], reply.Matches);
        Assert.Equal(6, reply.CursorStart);
        Assert.Equal(9, reply.CursorEnd);
    }

    [Fact]
    public async Task VariablesAndMethodsOfEarlierCells_Complete()
    {
        var kernel = new EditorKernel();
        await kernel.RunAsync("var counterOfThings = 41;", "int TwiceOf(int v) => v * 2;");

        var variable = await kernel.CompleteAsync("counterOf");
        var method = await kernel.CompleteAsync("var y = Twice");

        Assert.Contains("counterOfThings", variable.Matches);
        Assert.Equal(["TwiceOf"], method.Matches);
        Assert.Equal("method", TypeOf(method, "TwiceOf"));
    }

    [Fact]
    public async Task MembersOfAnEarlierCellsClass_Complete()
    {
        var kernel = new EditorKernel();
        await kernel.RunAsync("record Point(int Xcoord, int Ycoord);", "var p = new Point(1, 2);");

        var reply = await kernel.CompleteAsync("p.");

        Assert.Contains("Xcoord", reply.Matches);
        Assert.Contains("Ycoord", reply.Matches);
        Assert.Equal("property", TypeOf(reply, "Xcoord"));
        Assert.Equal(2, reply.CursorStart);
        Assert.Equal(2, reply.CursorEnd);
    }

    [Fact]
    public async Task TypesAndKeywords_CompleteWithTheirKinds()
    {
        var kernel = new EditorKernel();

        var type = await kernel.CompleteAsync("StringBuil");
        var keyword = await kernel.CompleteAsync("foreac");

        Assert.Contains("StringBuilder", type.Matches);
        Assert.Equal("class", TypeOf(type, "StringBuilder"));
        Assert.Equal(["foreach"], keyword.Matches);
        Assert.Equal("keyword", TypeOf(keyword, "foreach"));
    }

    [Fact]
    public async Task CursorInTheMiddleOfACell_CompletesThere()
    {
        var kernel = new EditorKernel();
        const string code = "var s = \"x\";\nvar t = s.ToUpp;\nConsole.WriteLine(s);";

        var reply = await kernel.CompleteAsync(code, cursor: code.IndexOf("ToUpp", StringComparison.Ordinal) + 5);

        Assert.Contains("ToUpper", reply.Matches);
        Assert.DoesNotContain("Length", reply.Matches);
        Assert.Equal(code.IndexOf("ToUpp", StringComparison.Ordinal), reply.CursorStart);
    }

    [Fact]
    public async Task CursorInCodePoints_CountsAnEmojiAsOne()
    {
        var kernel = new EditorKernel();
        const string code = "var e = \"😀\"; e.Len";

        // Jupyter counts code points: the emoji is one, though it is two UTF-16 units.
        var reply = await kernel.CompleteAsync(code, cursor: code.Length - 1);

        Assert.Equal(["Length"], reply.Matches);
        Assert.Equal(code.Length - 1 - 3, reply.CursorStart);
        Assert.Equal(code.Length - 1, reply.CursorEnd);
    }

    [Fact]
    public async Task TypesMetadata_HasOneEntryPerMatch()
    {
        var kernel = new EditorKernel();

        var reply = await kernel.CompleteAsync("Console.Write");

        var types = reply.Metadata["_jupyter_types_experimental"].EnumerateArray().ToList();
        Assert.Equal(reply.Matches.Count, types.Count);
        Assert.Equal(["Write", "WriteLine"], reply.Matches.Order(StringComparer.Ordinal));
        Assert.All(types, t => Assert.Equal(reply.CursorStart, t.GetProperty("start").GetInt32()));
    }

    [Fact]
    public async Task ReferencesAddedByACell_AreSeenByLaterCompletions()
    {
        var kernel = new EditorKernel();
        await kernel.RunAsync("var list = new List<int> { 1 };");
        var before = await kernel.CompleteAsync("list.Cou");
        await kernel.RunAsync("var total = list.Sum();");

        var after = await kernel.CompleteAsync("tot");

        Assert.Contains("Count", before.Matches);
        Assert.Contains("total", after.Matches);
    }

    [Fact]
    public void UnimportedNamespaceItems_AreSwitchedOff_ThroughRoslynsInternalOptions()
    {
        Assert.True(
            Quire.Kernel.CSharp.EditorServices.CompletionInvoker.TurnsOffUnimportedItems,
            "Roslyn's internal CompletionOptions.ShowItemsFromUnimportedNamespaces was expected to be found; a Roslyn update moved it");
    }

    private static string? TypeOf(Messaging.Protocol.Content.CompleteReply reply, string text) =>
        reply.Metadata["_jupyter_types_experimental"].EnumerateArray()
            .Where(t => t.GetProperty("text").GetString() == text)
            .Select(t => t.GetProperty("type").GetString())
            .FirstOrDefault();
}
