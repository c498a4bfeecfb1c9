using Quire.Conversion.Highlighting;
using Quire.Conversion.Html;

namespace Quire.Conversion.Tests.Highlighting;

public sealed class CodeHighlightersTests
{
    private static string Highlight(HighlighterKind kind, string language, string code)
    {
        using var stream = new MemoryStream();
        using (var writer = new HtmlWriter(stream))
        {
            CodeHighlighters.For(kind, language).WriteHtml(writer, code);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("python", "import os\nx = 'a<b'  # note", "<span class=\"k\">import</span>")]
    [InlineData("C#", "var s = \"a<b\"; // note\npublic class C { }", "<span class=\"k\">public</span>")]
    [InlineData("R", "f <- function(x) { \"a<b\" } # note", "<span class=\"k\">function</span>")]
    public void TextMate_CoversPythonCSharpAndR(string language, string code, string keyword)
    {
        var html = Highlight(HighlighterKind.TextMate, language, code);

        Assert.Contains(keyword, html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"s\">[^<]*a&lt;b", html);
        Assert.Contains("note</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python", "import os\nx = 'a<b'  # note", "<span class=\"k\">import</span>")]
    [InlineData("csharp", "var s = \"a<b\"; // note\npublic class C { }", "<span class=\"k\">public</span>")]
    public void ColorCode_CoversPythonAndCSharp(string language, string code, string keyword)
    {
        var html = Highlight(HighlighterKind.ColorCode, language, code);

        Assert.Contains(keyword, html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R", "f <- function(x) x", "<span class=\"k\">function</span>")]
    [InlineData("python", "import os", "<span class=\"k\">import</span>")]
    [InlineData("C#", "public class C { }", "<span class=\"k\">public</span>")]
    public void Default_HighlightsPythonCSharpAndR(string language, string code, string keyword)
    {
        Assert.Contains(keyword, Highlight(HighlighterKind.Default, language, code), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLanguage_IsEscapedPlainText()
    {
        Assert.Equal("a &lt; b", Highlight(HighlighterKind.Default, "brainfudge", "a < b"));
    }

    [Fact]
    public void Highlighting_KeepsEveryCharacter()
    {
        var code = "def f(a, b=\"x\"):\n    return a ** 2 + b  # é ✓\n\n@dec\nclass K: pass";

        var html = Highlight(HighlighterKind.Default, "python", code);

        Assert.Equal(code, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty)));
    }
}
