using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Quire.Conformance.Infrastructure;
using Quire.Conversion;
using Quire.Notebook.Format;

namespace Quire.Conformance.Conversion;

/// <summary>
/// Quire's HTML against Debian's <c>jupyter nbconvert --to html</c> (6.5, lab template) for the same notebook: the
/// same cells in the same order, and in each code cell the same number of outputs, counted by JupyterLab's class
/// names, which both write.
/// </summary>
public sealed class NbconvertComparisonTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quire-nbconvert-" + Guid.NewGuid().ToString("N")[..12]);

    public NbconvertComparisonTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SameCellsAndOutputs_AsNbconvert()
    {
        ConversionTools.RequireNbconvert();
        var cancellationToken = TestContext.Current.CancellationToken;
        var input = Path.Combine(_dir, "nb.ipynb");
        await File.WriteAllTextAsync(input, HostileNotebook.Json, cancellationToken);

        var (exit, _, stderr) = await ConversionTools.RunAsync(
            PythonEnvironment.InterpreterPath,
            ["-m", "nbconvert", "--to", "html", "--output", "nbconvert", "--output-dir", _dir, input],
            TimeSpan.FromMinutes(3),
            cancellationToken);
        Assert.True(exit == 0, $"nbconvert was expected to convert the notebook: {stderr}");
        var document = (await NotebookReader.ReadFileAsync(input, cancellationToken)).Document;
        await NotebookConverter.ConvertFileAsync(document, ConversionFormat.Html, Path.Combine(_dir, "quire.html"), new ConversionOptions(), cancellationToken);

        var theirs = Shape(await File.ReadAllTextAsync(Path.Combine(_dir, "nbconvert.html"), cancellationToken));
        var ours = Shape(await File.ReadAllTextAsync(Path.Combine(_dir, "quire.html"), cancellationToken));

        Assert.Equal(5, theirs.Count);
        Assert.Equal(theirs, ours);
    }

    /// <summary>Each cell as "code:N outputs" or "markdown", in document order.</summary>
    private static List<string> Shape(string html)
    {
        var dom = new HtmlParser().ParseDocument(html);
        return [.. dom.QuerySelectorAll(".jp-Cell").Select(Describe)];
    }

    private static string Describe(IElement cell) => cell.ClassList.Contains("jp-CodeCell")
        ? $"code:{cell.QuerySelectorAll(".jp-OutputArea-output").Length} outputs, prompt {cell.QuerySelector(".jp-InputPrompt")?.TextContent.Trim()}"
        : cell.ClassList.Contains("jp-MarkdownCell") ? "markdown" : "other";
}
