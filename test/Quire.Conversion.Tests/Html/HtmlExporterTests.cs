namespace Quire.Conversion.Tests.Html;

public sealed class HtmlExporterTests
{
    private static readonly Quire.Notebook.NotebookDocument Sample = TestNotebooks.FromCells("""
        [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "| a | b |\n|---|---|\n| 1 | 2 |\n\nEuler: $e^{i\\pi} = -1$ and\n\n$$\\int_0^1 x\\,dx$$"},
         {"cell_type": "code", "id": "c", "execution_count": 1, "metadata": {"tags": ["keep me"]}, "source": "def f(x):\n    return 'a' # c", "outputs": [
           {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["\u001b[0;31mValueError\u001b[0m: bad"]}]}]
        """);

    [Fact]
    public void Lab_IsACompletePage_WithInlineStyles_AndNoExternalReferences()
    {
        var html = TestNotebooks.ToHtml(Sample, new ConversionOptions { Title = "My <nb>" });

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>My &lt;nb&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains(".jp-InputPrompt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_IsTheCellsOnly()
    {
        var html = TestNotebooks.ToHtml(Sample, new ConversionOptions { Template = HtmlTemplate.Basic });

        Assert.StartsWith("<main class=\"jp-Notebook\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style>", html, StringComparison.Ordinal);
        Assert.Contains("jp-CodeCell", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Classic_UsesItsOwnStylesheet()
    {
        var lab = TestNotebooks.ToHtml(Sample);
        var classic = TestNotebooks.ToHtml(Sample, new ConversionOptions { Template = HtmlTemplate.Classic });

        Assert.Contains("quire-classic", classic, StringComparison.Ordinal);
        Assert.Contains("Notebook 6 look", classic, StringComparison.Ordinal);
        Assert.DoesNotContain("Notebook 6 look", lab, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PipeTablesAndMath()
    {
        var html = TestNotebooks.ToHtml(Sample);

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", html, StringComparison.Ordinal);

        // Typeset by KaTeX as MathML (the browser lays it out; no script, no fonts), the TeX kept as its annotation.
        Assert.Contains("<span class=\"jp-Math jp-Math-inline\"><span class=\"katex\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">", html, StringComparison.Ordinal);
        Assert.Contains("<mi>π</mi>", html, StringComparison.Ordinal);
        Assert.Contains("<annotation encoding=\"application/x-tex\">e^{i\\pi} = -1</annotation>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jp-Math jp-Math-block\"><span class=\"katex\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">", html, StringComparison.Ordinal);
        Assert.Contains("<mo>∫</mo>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("qmath", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_IsHighlighted_Tracebacks_Coloured_Tags_AsClasses()
    {
        var html = TestNotebooks.ToHtml(Sample);

        Assert.Contains("<div class=\"highlight hl-python\"><pre>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"k\">def</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ansi-red-fg\">ValueError</span>: bad", html, StringComparison.Ordinal);
        Assert.Contains("celltag_keepme", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInput_KeepsOutputsAndMarkdown_DropsCodeAndPrompts()
    {
        var html = TestNotebooks.ToHtml(Sample, new ConversionOptions { NoInput = true, Template = HtmlTemplate.Basic });

        Assert.DoesNotContain("def", html, StringComparison.Ordinal);
        Assert.DoesNotContain("jp-InputArea-editor", html, StringComparison.Ordinal);
        Assert.DoesNotContain("In&nbsp;[", html, StringComparison.Ordinal);
        Assert.Contains("ValueError", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachmentImages_BecomeDataUris_UnknownOnesNothing()
    {
        var nb = TestNotebooks.FromCells("""
            [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "![a](attachment:pic.png) ![b](attachment:../../etc/passwd)",
              "attachments": {"pic.png": {"image/png": "iVBORw0KGgo="}}}]
            """);

        var html = TestNotebooks.ToHtml(nb);

        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeOutputs_StreamThroughTheBufferIntact()
    {
        var text = new string('x', 200_000) + "é" + new string('<', 70_000);
        var nb = TestNotebooks.WithOutputs($$"""[{"output_type": "stream", "name": "stdout", "text": "{{text}}"}]""");

        var html = TestNotebooks.ToHtml(nb);

        Assert.Contains(new string('x', 200_000) + "é" + string.Concat(Enumerable.Repeat("&lt;", 70_000)), html, StringComparison.Ordinal);
    }
}
