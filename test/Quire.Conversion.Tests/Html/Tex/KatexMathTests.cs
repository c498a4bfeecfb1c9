using Quire.Conversion.Html;
using Quire.Conversion.Html.Tex;

namespace Quire.Conversion.Tests.Html.Tex;

public sealed class KatexMathTests
{
    private static string Markdown(string source) => new MarkdownHtml(new OutputSanitizer()).ToHtml(source, null);

    [Fact]
    public void A_block_formula_becomes_display_MathML()
    {
        var html = Markdown("$$\n\\frac{a}{b}\n$$");

        Assert.Contains("<div class=\"jp-Math jp-Math-block\"><span class=\"katex\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">", html, StringComparison.Ordinal);
        Assert.Contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tex_that_does_not_parse_is_shown_in_katex_error_colour_not_thrown()
    {
        var html = Markdown("before $\\frac{1}{$ after");

        Assert.Contains("before", html, StringComparison.Ordinal);
        Assert.Contains("after", html, StringComparison.Ordinal);
        Assert.Contains("katex-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_inside_tex_is_text_and_links_are_not_trusted()
    {
        var html = Markdown("$\\text{</math><script>alert(1)</script>}$ and $\\href{javascript:alert(2)}{x}$ and $\\htmlClass{evil}{y}$");

        // The TeX survives only as text (its annotation); \\href and \\htmlClass are refused (trust: false).
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;/math&gt;&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=\"evil\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_typed_by_the_author_is_not_replaced()
    {
        // The tokens carry a random nonce per render: text that looks like one stays text.
        var html = Markdown("qmath0000000000000000x0q and $x$");

        Assert.Contains("qmath0000000000000000x0q", html, StringComparison.Ordinal);
        Assert.Contains("<mi>x</mi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Runaway_macros_are_stopped_by_katex_and_come_back_as_an_error()
    {
        var started = TimeProvider.System.GetTimestamp();
        var mathMl = KatexMath.ToMathMl("\\def\\a{\\a\\a}\\a", display: false);

        Assert.NotNull(mathMl);
        Assert.Contains("katex-error", mathMl, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "KaTeX's expansion limit should end this long before the time limit");
    }

    [Theory]
    [InlineData("$\\displaystyle \\frac{1}{2}$")]
    [InlineData("$$\\frac{1}{2}$$")]
    [InlineData("\\[\\frac{1}{2}\\]")]
    [InlineData("\\frac{1}{2}")]
    public void A_latex_output_becomes_display_MathML_whatever_its_delimiters(string latex)
    {
        var mathMl = LatexOutput.ToMathMl(latex);

        Assert.NotNull(mathMl);
        Assert.Contains("display=\"block\"", mathMl, StringComparison.Ordinal);
        Assert.Contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>", mathMl, StringComparison.Ordinal);
        Assert.DoesNotContain("katex-error", mathMl, StringComparison.Ordinal);
    }
}
