namespace Quire.Conversion.Tests.Html;

public sealed class SanitizingTests
{
    private static string HtmlOutput(string html) => TestNotebooks.ToHtml(TestNotebooks.WithOutputs(
        """[{"output_type": "display_data", "metadata": {}, "data": {"text/html": """ + System.Text.Json.JsonSerializer.Serialize(html) + "}}]"));

    [Fact]
    public void ScriptElements_AreRemoved()
    {
        var html = HtmlOutput("<p>ok</p><script>document.title='pwned'</script>");

        Assert.Contains("<p>ok</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pwned", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EventHandlerAttributes_AreRemoved()
    {
        var html = HtmlOutput("<img src=\"x.png\" onerror=\"alert(1)\"><div onclick=\"alert(2)\" class=\"keep\">d</div>");

        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("class=\"keep\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JavascriptUrls_AreRemoved_HttpsKept()
    {
        var html = HtmlOutput("<a href=\"javascript:alert(1)\">bad</a><a href=\"https://example.org/\">good</a>");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DataUrls_OnlyForImages()
    {
        var html = HtmlOutput("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a><img src=\"data:image/png;base64,iVBO\">");

        Assert.DoesNotContain("data:text/html", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBO\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SvgWithScript_IsOnlyEverAnImage()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script><circle r=\"4\"/></svg>";
        var nb = TestNotebooks.WithOutputs(
            """[{"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": """ + System.Text.Json.JsonSerializer.Serialize(svg) + "}}]");

        var html = TestNotebooks.ToHtml(nb);

        // The SVG is base64 in an <img>: its markup never reaches the page, and images run no script.
        Assert.Contains("<img src=\"data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg)) + "\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtmlInMarkdown_IsSanitizedToo()
    {
        var nb = TestNotebooks.FromCells("""
            [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# T\n\n<img src=x onerror=alert(1)><script>alert(2)</script>"}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.Contains("<h1>T</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageDataThatIsNotBase64_CannotBreakOutOfTheAttribute()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "display_data", "metadata": {}, "data": {"image/png": "\"><script>alert(1)</script>"}}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("not base64", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SanitizeOff_KeepsHtmlAsWritten()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "display_data", "metadata": {}, "data": {"text/html": "<b onclick=\"f()\">t</b>"}}]
            """);

        var html = TestNotebooks.ToHtml(nb, new ConversionOptions { SanitizeHtml = false });

        Assert.Contains("<b onclick=\"f()\">t</b>", html, StringComparison.Ordinal);
    }
}
