using Quire.Conversion.Highlighting;
using Quire.Conversion.Html;

namespace Quire.Conversion.Tests.Highlighting;

public sealed class HighlightedCellsTests
{
    [Theory]
    [InlineData(HighlighterKind.ColorCode)]
    [InlineData(HighlighterKind.TextMate)]
    public void ParallelHighlighting_MatchesOneCellAtATime(HighlighterKind kind)
    {
        var cells = string.Join(",", Enumerable.Range(0, 200).Select(i =>
            $$"""{"cell_type": "code", "id": "c{{i}}", "execution_count": {{i}}, "metadata": {}, "source": "def f{{i}}(x):\n    return x * {{i}}  # '{{i}}'", "outputs": []}"""));
        var nb = TestNotebooks.FromCells($"[{cells}]");

        using var prepared = HighlightedCells.Prepare(nb, kind, "python", skip: false);

        foreach (var cell in nb.Cells.OfType<Quire.Notebook.CodeCell>())
        {
            using var stream = new MemoryStream();
            using (var writer = new HtmlWriter(stream))
            {
                CodeHighlighters.For(kind, "python").WriteHtml(writer, cell.Source);
            }

            Assert.Equal(System.Text.Encoding.UTF8.GetString(stream.ToArray()), System.Text.Encoding.UTF8.GetString(prepared.For(cell)));
        }
    }

    [Fact]
    public void CellsAskedForOutOfOrder_AreAllHighlighted()
    {
        var cells = string.Join(",", Enumerable.Range(0, 200).Select(i =>
            $$"""{"cell_type": "code", "id": "c{{i}}", "execution_count": {{i}}, "metadata": {}, "source": "x{{i}} = {{i}}", "outputs": []}"""));
        var nb = TestNotebooks.FromCells($"[{cells}]");

        using var prepared = HighlightedCells.Prepare(nb, HighlighterKind.ColorCode, "python", skip: false);

        foreach (var cell in nb.Cells.OfType<Quire.Notebook.CodeCell>().Reverse())
        {
            Assert.Contains($"x{cell.ExecutionCount}", System.Text.Encoding.UTF8.GetString(prepared.For(cell)), StringComparison.Ordinal);
        }
    }
}
