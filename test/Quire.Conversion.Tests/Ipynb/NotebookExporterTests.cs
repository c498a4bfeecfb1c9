namespace Quire.Conversion.Tests.Ipynb;

public sealed class NotebookExporterTests
{
    [Fact]
    public void WritesNbformatsCanonicalForm()
    {
        var nb = TestNotebooks.FromCells("""[{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "a\nb"}]""");

        var (text, _) = TestNotebooks.Export(nb, ConversionFormat.Notebook);

        Assert.StartsWith("{\n \"cells\": [\n  {\n", text, StringComparison.Ordinal);
        Assert.Contains("\"source\": [\n    \"a\\n\",\n    \"b\"\n   ]", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }
}
