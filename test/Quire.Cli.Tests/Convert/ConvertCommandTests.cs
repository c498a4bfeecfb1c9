using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Convert;

public sealed class ConvertCommandTests
{
    private const string Notebook = """
        {"cells": [
          {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Report\n![p](attachment:../../evil.png)",
           "attachments": {"../../evil.png": {"image/png": "iVBORw0KGgo="}}},
          {"cell_type": "code", "id": "c", "execution_count": 1, "metadata": {}, "source": "print('hi')", "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "hi\n"},
            {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo=", "text/plain": "fig"}}]}],
         "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                      "language_info": {"name": "python", "file_extension": ".py"}},
         "nbformat": 4, "nbformat_minor": 5}
        """;

    private static async Task<string> WriteNotebookAsync(TempDirectory dir, string name = "report.ipynb", string content = Notebook)
    {
        var path = dir.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task Html_DefaultOutputIsNextToTheInput()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);

        var result = await CliRunner.RunAsync("convert", input, "--to", "html");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = await File.ReadAllTextAsync(dir.File("report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("<title>report</title>", html, StringComparison.Ordinal);
        Assert.Contains("In&nbsp;[1]:", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,iVBORw0KGgo=", html, StringComparison.Ordinal);
        Assert.Equal([dir.File("report.html"), input], Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Html_NoInputAndTemplate()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);
        var output = dir.File("out.html");

        var result = await CliRunner.RunAsync("convert", input, "--to", "html", "--no-input", "--template", "basic", "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.StartsWith("<main", html, StringComparison.Ordinal);
        Assert.DoesNotContain("print(", html, StringComparison.Ordinal);
        Assert.Contains("hi\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_ExtractsImages_InsideNameFilesOnly()
    {
        using var dir = new TempDirectory();
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "in", "deep")).FullName;
        var input = Path.Combine(sub, "report.ipynb");
        await File.WriteAllTextAsync(input, Notebook, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("convert", input, "--to", "markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        var md = await File.ReadAllTextAsync(Path.Combine(sub, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("![p](report_files/attachment_0_evil.png)", md, StringComparison.Ordinal);
        Assert.Contains("![png](report_files/output_1_1.png)", md, StringComparison.Ordinal);
        Assert.Equal(
            [input, Path.Combine(sub, "report.md"), Path.Combine(sub, "report_files", "attachment_0_evil.png"), Path.Combine(sub, "report_files", "output_1_1.png")],
            Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Script_UsesTheLanguagesExtension_AndNotebookKeepsTheInput()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);

        var script = await CliRunner.RunAsync("convert", input, "--to", "script");
        var notebook = await CliRunner.RunAsync("convert", input, "--to", "notebook");

        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.True(notebook.ExitCode == 0, notebook.ToString());
        Assert.Contains("print('hi')", await File.ReadAllTextAsync(dir.File("report.py"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("report.nbconvert.ipynb")), "--to notebook was expected to write report.nbconvert.ipynb");
        Assert.Equal(Notebook, await File.ReadAllTextAsync(input, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Html_TitleIsTheNotebooksName_WhereverTheOutputGoes()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);

        var result = await CliRunner.RunAsync("convert", input, "--to", "html", "-o", dir.File("elsewhere.html"), "--template", "classic");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = await File.ReadAllTextAsync(dir.File("elsewhere.html"), TestContext.Current.CancellationToken);
        Assert.Contains("<title>report</title>", html, StringComparison.Ordinal);
        Assert.Contains("quire-classic", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputWithoutExtension_GetsTheFormats()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);

        var result = await CliRunner.RunAsync("convert", input, "--to", "markdown", "-o", dir.File("notes"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(dir.File("notes.md")), result.ToString());
    }

    [Fact]
    public async Task UnknownFormat_IsAUsageError()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);

        var result = await CliRunner.RunAsync("convert", input, "--to", "pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pdf", result.StandardError, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}""", "the notebook is invalid")]
    public async Task BadInput_OneLine_Exit3_NothingWritten(string content, string expected)
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir, "bad.ipynb", content);

        var result = await CliRunner.RunAsync("convert", input, "--to", "html");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Equal([input], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task MissingInput_Exit3()
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync("convert", dir.File("nope.ipynb"), "--to", "html");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no such file", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnwritableOutput_Exit4_OneLine()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);
        var output = Path.Combine(dir.Path, "missing-dir", "out.html");

        var result = await CliRunner.RunAsync("convert", input, "--to", "html", "--output", output);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith($"{output}: not written:", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Equal([input], Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OutputThatIsADirectory_Exit4()
    {
        using var dir = new TempDirectory();
        var input = await WriteNotebookAsync(dir);
        Directory.CreateDirectory(dir.File("taken.html"));

        var result = await CliRunner.RunAsync("convert", input, "--to", "html", "--output", dir.File("taken.html"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("is a directory", result.StandardError, StringComparison.Ordinal);
    }
}
