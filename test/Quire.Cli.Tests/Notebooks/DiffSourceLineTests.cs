using Quire.Cli.Notebooks.Diff;

namespace Quire.Cli.Tests.Notebooks;

public sealed class DiffSourceLineTests
{
    private static string Render(string oldText, string newText) => string.Join('\n', SourceLineDiff.Between(oldText, newText));

    [Fact]
    public void Between_DistantChanges_MakeTwoHunksWithThreeLinesOfContext()
    {
        var oldText = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"l{i}"));
        var newText = oldText.Replace("l1\n", "L1\n", StringComparison.Ordinal).Replace("l12", "L12", StringComparison.Ordinal);

        var expected = "@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n@@ -9,4 +9,4 @@\n l9\n l10\n l11\n-l12\n+L12";
        Assert.Equal(expected, Render(oldText, newText));
    }

    [Fact]
    public void Between_NearbyChanges_ShareOneHunk()
    {
        Assert.Equal("@@ -1,3 +1,3 @@\n-a\n+A\n b\n-c\n+C", Render("a\nb\nc", "A\nb\nC"));
    }

    [Fact]
    public void Between_FromEmpty_CountsZeroOldLines()
    {
        Assert.Equal("@@ -0,0 +1,2 @@\n+x\n+y", Render(string.Empty, "x\ny"));
    }

    [Fact]
    public void Whole_PrefixesEveryLine()
    {
        Assert.Equal(["-a", "-b"], SourceLineDiff.Whole("a\r\nb", DiffLineKind.Removed).Select(l => l.ToString()));
        Assert.Empty(SourceLineDiff.Whole(string.Empty, DiffLineKind.Added));
    }
}
