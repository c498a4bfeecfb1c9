using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Text;
using Quire.Kernel.CSharp.EditorServices;

namespace Quire.Kernel.CSharp.Tests.EditorServices;

public sealed class CompletionSessionTests
{
    private static readonly ProjectId Editor = ProjectId.CreateNewId();

    [Fact]
    public void TypingMoreOfTheWord_ReusesTheList_WithTheWordsNewSpan()
    {
        var session = new CompletionSession();
        var list = List(start: 5, length: 1);
        session.Remember(Editor, "text.S", 6, list);

        var found = session.Find(Editor, "text.Sta", 8);

        Assert.Same(list, found?.List);
        Assert.Equal(TextSpan.FromBounds(5, 8), found?.Span);
    }

    [Theory]
    [InlineData("text.S", 6)]
    [InlineData("text.Sta", 8)]
    public void RepeatsAndExtensions_AreFound(string code, int cursor)
    {
        var session = new CompletionSession();
        session.Remember(Editor, "text.S", 6, List(5, 1));

        Assert.NotNull(session.Find(Editor, code, cursor));
    }

    [Theory]
    [InlineData("text.X", 6)]
    [InlineData("other.S", 7)]
    [InlineData("text.", 5)]
    [InlineData("text.Sx(", 8)]
    [InlineData("text.Si ", 7)]
    public void OtherEdits_StartANewSession(string code, int cursor)
    {
        var session = new CompletionSession();
        session.Remember(Editor, "text.Si", 7, List(5, 2));

        // Another word, other text before it, a word cut back, a character that is not part of a name, text after it.
        Assert.Null(session.Find(Editor, code, cursor));
    }

    [Fact]
    public void AKeyword_IsNeverReused_ForItMayParseDifferently()
    {
        var session = new CompletionSession();
        session.Remember(Editor, "x.i", 3, List(2, 1));

        Assert.Null(session.Find(Editor, "x.in", 4));
    }

    [Fact]
    public void ANewCell_StartsANewSession()
    {
        var session = new CompletionSession();
        session.Remember(Editor, "text.S", 6, List(5, 1));

        Assert.Null(session.Find(ProjectId.CreateNewId(), "text.S", 6));
    }

    [Fact]
    public async Task WithTheKernel_TypingMore_GivesWhatAFreshRequestGives()
    {
        var kernel = new EditorKernel();
        var fresh = new EditorKernel();
        await kernel.RunAsync("var text = \"abc\";");
        await fresh.RunAsync("var text = \"abc\";");

        await kernel.CompleteAsync("text.S");
        var continued = await kernel.CompleteAsync("text.Sta");
        var direct = await fresh.CompleteAsync("text.Sta");

        Assert.Equal(direct.Matches, continued.Matches);
        Assert.Equal((direct.CursorStart, direct.CursorEnd), (continued.CursorStart, continued.CursorEnd));
        Assert.Contains("StartsWith", continued.Matches);
    }

    [Fact]
    public async Task WithTheKernel_ACellRunInBetween_IsSeen()
    {
        var kernel = new EditorKernel();
        var before = await kernel.CompleteAsync("valueOf");

        await kernel.RunAsync("var valueOfThings = 1;");
        var after = await kernel.CompleteAsync("valueOf");

        Assert.DoesNotContain("valueOfThings", before.Matches);
        Assert.Contains("valueOfThings", after.Matches);
    }

    private static CompletionList List(int start, int length) =>
        CompletionList.Create(new TextSpan(start, length), ImmutableArray.Create(CompletionItem.Create("StartsWith")));
}
