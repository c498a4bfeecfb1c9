namespace Quire.Conversion.Tests;

public sealed class NotebookConverterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quire-conv-" + Guid.NewGuid().ToString("N")[..12]);

    public NotebookConverterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Markdown_WritesImagesIntoNameFiles_AndNothingElsewhere()
    {
        var nb = TestNotebooks.FromCells("""
            [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "![x](attachment:../../../escape.png)",
              "attachments": {"../../../escape.png": {"image/png": "iVBORw0KGgo="}}},
             {"cell_type": "code", "id": "c", "execution_count": 1, "metadata": {}, "source": "", "outputs": [
               {"output_type": "display_data", "metadata": {}, "data": {"image/jpeg": "/9j/4AAQ"}}]}]
            """);
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "a", "b")).FullName;

        var result = await NotebookConverter.ConvertFileAsync(nb, ConversionFormat.Markdown, Path.Combine(sub, "report.md"), new ConversionOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(sub, "report.md"), result.OutputPath);
        Assert.Equal(
            [Path.Combine(sub, "report_files", "attachment_0_escape.png"), Path.Combine(sub, "report_files", "output_1_0.jpg")],
            result.ResourcePaths);
        Assert.All(result.ResourcePaths, p => Assert.True(File.Exists(p), $"{p} was expected to be written"));
        Assert.Equal(
            [Path.Combine(sub, "report.md"), .. result.ResourcePaths],
            Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Html_Failure_LeavesThePreviousFile()
    {
        var target = Path.Combine(_dir, "out.html");
        await File.WriteAllTextAsync(target, "previous", TestContext.Current.CancellationToken);
        var nb = TestNotebooks.FromCells("[]");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NotebookConverter.ConvertFileAsync(nb, ConversionFormat.Html, target, new ConversionOptions(), cts.Token));

        Assert.Equal("previous", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
        Assert.Equal([target], Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData(ConversionFormat.Html, "nb.html")]
    [InlineData(ConversionFormat.Markdown, "nb.md")]
    [InlineData(ConversionFormat.Script, "nb.py")]
    [InlineData(ConversionFormat.Notebook, "nb.nbconvert.ipynb")]
    public void DefaultOutput_IsNextToTheInput_AsNbconvert(ConversionFormat format, string expected)
    {
        var nb = TestNotebooks.FromCells("[]");

        Assert.Equal(Path.Combine(_dir, expected), NotebookConverter.DefaultOutputPath(Path.Combine(_dir, "nb.ipynb"), format, nb));
    }
}
