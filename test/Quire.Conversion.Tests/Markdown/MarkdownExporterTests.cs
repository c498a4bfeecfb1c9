namespace Quire.Conversion.Tests.Markdown;

public sealed class MarkdownExporterTests
{
    [Fact]
    public void CodeFenced_OutputsIndented_ImagesExtracted()
    {
        var nb = TestNotebooks.FromCells("""
            [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Title"},
             {"cell_type": "code", "id": "c", "execution_count": 1, "metadata": {}, "source": "print(1)", "outputs": [
               {"output_type": "stream", "name": "stdout", "text": "\u001b[31m1\u001b[0m\n"},
               {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo=", "text/plain": "fig"}}]}]
            """);

        var (text, resources) = TestNotebooks.Export(nb, ConversionFormat.Markdown);

        Assert.Equal("# Title\n\n```python\nprint(1)\n```\n\n    1\n\n![png](nb_files/output_1_1.png)\n\n", text);
        var file = Assert.Single(resources.Files);
        Assert.Equal("output_1_1.png", file.Key);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), file.Value.ToArray());
    }

    [Fact]
    public void HostileAttachmentNames_BecomePlainFileNames()
    {
        var nb = TestNotebooks.FromCells("""
            [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "![x](attachment:../../x.png)",
              "attachments": {"../../x.png": {"image/png": "iVBORw0KGgo="}}}]
            """);

        var (text, resources) = TestNotebooks.Export(nb, ConversionFormat.Markdown);

        var file = Assert.Single(resources.Files);
        Assert.Equal("attachment_0_x.png", file.Key);
        Assert.Equal("![x](nb_files/attachment_0_x.png)\n\n", text);
    }

    [Theory]
    [InlineData("../../x", "x")]
    [InlineData("..\\..\\evil.png", "evil.png")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..", "file")]
    [InlineData(".hidden", "hidden")]
    [InlineData("a b?c", "a_b_c")]
    public void SafeFileName_NeverLeavesTheFolder(string proposed, string expected)
    {
        Assert.Equal(expected, SafeFileName.From(proposed));
    }
}
