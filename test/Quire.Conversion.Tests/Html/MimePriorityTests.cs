namespace Quire.Conversion.Tests.Html;

public sealed class MimePriorityTests
{
    [Fact]
    public void HtmlBeatsImageBeatsPlain_AsNbconvert()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "display_data", "metadata": {},
              "data": {"text/plain": "plain", "image/png": "iVBORw0KGgo=", "text/html": "<b id=\"rich\">rich</b>"}}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.Contains("<b id=\"rich\">rich</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("iVBORw0KGgo", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">plain<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PngBeatsPlain_AndIsInlinedAsDataUri_WithSize()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "display_data", "metadata": {"image/png": {"width": 64, "height": 32}},
              "data": {"text/plain": "<Figure>", "image/png": ["iVBORw0K\n", "Ggo="]}}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" width=\"64\" height=\"32\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;Figure&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JavaScript_IsPassedOverForTheNextType_WhenSanitizing()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "display_data", "metadata": {},
              "data": {"application/javascript": "document.title = 'pwned'", "text/plain": "fallback text"}}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.DoesNotContain("pwned", html, StringComparison.Ordinal);
        Assert.Contains("fallback text", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_IsNbconvertsHtmlExporterOrder()
    {
        Assert.Equal(
            ["application/vnd.jupyter.widget-view+json", "application/javascript", "text/html", "text/markdown", "image/svg+xml", "text/latex", "image/png", "image/jpeg", "text/plain"],
            MimePriority.Html);
    }

    [Fact]
    public void ExecuteResult_HasOutPrompt_AndStreamsAreCoalesced()
    {
        var nb = TestNotebooks.WithOutputs("""
            [{"output_type": "stream", "name": "stdout", "text": "one\n"},
             {"output_type": "stream", "name": "stdout", "text": "two\n"},
             {"output_type": "execute_result", "execution_count": 3, "metadata": {}, "data": {"text/plain": "42"}}]
            """);

        var html = TestNotebooks.ToHtml(nb, new ConversionOptions { Template = HtmlTemplate.Basic });

        Assert.Contains("one\ntwo\n", html, StringComparison.Ordinal);
        Assert.Contains("Out[3]:", html, StringComparison.Ordinal);
        Assert.Contains("In&nbsp;[3]:", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "jp-OutputArea-output"));
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
