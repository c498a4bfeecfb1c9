using Quire.Conversion.Html;
using Quire.Conversion.Text;

namespace Quire.Conversion.Tests.Text;

public sealed class AnsiTextTests
{
    private static string Render(string text)
    {
        using var stream = new MemoryStream();
        using (var writer = new HtmlWriter(stream))
        {
            AnsiText.WriteHtml(writer, text);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Sgr_ColoursAndBold_BecomeNbconvertClasses()
    {
        var html = Render("\u001b[1;31mError\u001b[0m: plain");

        Assert.Equal("<span class=\"ansi-red-fg ansi-bold\">Error</span>: plain", html);
    }

    [Fact]
    public void IntenseAndBackground_AndReset39()
    {
        var html = Render("\u001b[92;44mA\u001b[39mB");

        Assert.Equal("<span class=\"ansi-green-intense-fg ansi-blue-bg\">A</span><span class=\"ansi-blue-bg\">B</span>", html);
    }

    [Fact]
    public void Extended256AndRgb_BecomeInlineColours()
    {
        Assert.Equal("<span style=\"color: rgb(255,0,0);\">x</span>", Render("\u001b[38;5;196mx"));
        Assert.Equal("<span style=\"background-color: rgb(1,2,3);\">y</span>", Render("\u001b[48;2;1;2;3my"));
    }

    [Fact]
    public void TextIsEscaped_AndNonSgrSequencesDropped()
    {
        var html = Render("<b>&\u001b[2K\u001b[1Adone");

        Assert.Equal("&lt;b&gt;&amp;done", html);
    }

    [Fact]
    public void Strip_RemovesAllEscapes()
    {
        Assert.Equal("Error: x", AnsiText.Strip("\u001b[0;31mError\u001b[0m: x"));
    }

    [Theory]
    [InlineData("10%\r50%\r100%\n", "100%\n")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("keep\rme\rlast\nnext", "last\nnext")]
    [InlineData("trailing\r", "trailing")]
    public void CarriageReturns_OverwriteTheLine_AsNbconvert(string input, string expected)
    {
        Assert.Equal(expected, StreamText.ApplyCarriageReturns(input));
    }
}
