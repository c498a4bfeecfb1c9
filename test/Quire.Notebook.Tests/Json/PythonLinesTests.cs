using System.Text;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Json;

public sealed class PythonLinesTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\v")]
    [InlineData("\f")]
    [InlineData("\x1c")]
    [InlineData("\x1d")]
    [InlineData("\x1e")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void SplitLines_EndsLinesAtEveryPythonLineBreak(string lineBreak)
    {
        var text = $"a{lineBreak}ü{lineBreak}{lineBreak}😀";

        Assert.Equal([$"a{lineBreak}", $"ü{lineBreak}", lineBreak, "😀"], PythonLines.SplitLines(text));
        Assert.Equal(["a", "ü", string.Empty, "😀"], PythonLines.SplitLines(text, keepEnds: false));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\x1f")]
    [InlineData("\u2027")]
    [InlineData("\u0084")]
    [InlineData("\u0105")]
    public void SplitLines_KeepsOtherCharactersInTheLine(string notABreak) =>
        Assert.Equal([$"a{notABreak}b"], PythonLines.SplitLines($"a{notABreak}b"));

    [Fact]
    public void SplitLines_CrLfIsOneBreak_LfCrIsTwo() =>
        Assert.Equal(["a\r\n", "\n", "\r", "b\r"], PythonLines.SplitLines("a\r\n\n\rb\r"));

    [Fact]
    public void SplitToArray_EmptyStringHasNoLines_AndLinesAreSlicesOfTheString()
    {
        Assert.Empty(PythonLines.SplitToArray(JString.Empty));
        var text = JString.FromUtf8(Encoding.UTF8.GetBytes("x\r\ny\u2028z"));
        var lines = PythonLines.SplitToArray(text);

        Assert.Equal(["x\r\n", "y\u2028", "z"], lines.Select(l => l.AsString()));
        Assert.True(((JString)lines[1]).Utf8.Span.Overlaps(text.Utf8.Span));
    }
}
