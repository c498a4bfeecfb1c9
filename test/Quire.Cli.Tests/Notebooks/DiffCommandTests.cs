using System.Text;
using System.Text.Json;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class DiffCommandTests
{
    private const string Old = """
        {"cells":[
          {"cell_type":"markdown","id":"m1","metadata":{},"source":"# Title"},
          {"cell_type":"code","execution_count":1,"id":"c1","metadata":{},"outputs":[{"name":"stdout","output_type":"stream","text":"1\n"}],"source":"x = 1\nprint(x)"},
          {"cell_type":"code","execution_count":2,"id":"c2","metadata":{},"outputs":[],"source":"gone()"}
        ],"metadata":{"kernelspec":{"display_name":"Python 3","name":"python3"}},"nbformat":4,"nbformat_minor":5}
        """;

    private const string New = """
        {"cells":[
          {"cell_type":"markdown","id":"m1","metadata":{"tags":["intro"]},"source":"# Title"},
          {"cell_type":"code","execution_count":3,"id":"c1","metadata":{},"outputs":[{"name":"stdout","output_type":"stream","text":"2\n"},{"data":{"image/png":"AA","text/plain":"<Figure>"},"metadata":{},"output_type":"display_data"}],"source":"x = 2\nprint(x)"},
          {"cell_type":"markdown","id":"n1","metadata":{},"source":"added here"}
        ],"metadata":{"kernelspec":{"display_name":"Python 3.12","name":"python3"}},"nbformat":4,"nbformat_minor":5}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Old, string New)> WriteAsync(TempDirectory dir)
    {
        await File.WriteAllTextAsync(dir.File("old.ipynb"), Old, Ct);
        await File.WriteAllTextAsync(dir.File("new.ipynb"), New, Ct);
        return (dir.File("old.ipynb"), dir.File("new.ipynb"));
    }

    [Fact]
    public async Task Diff_Text_ShowsCellsSourceOutputsAndMetadata()
    {
        using var dir = new TempDirectory();
        var (oldPath, newPath) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync("nb", "diff", oldPath, newPath);

        Assert.Equal(0, result.ExitCode);
        var expected = $"""
            --- {oldPath}
            +++ {newPath}
            notebook
              ~ metadata.kernelspec.display_name: "Python 3" → "Python 3.12"
            cell 1 modified (markdown, id m1)
              + metadata.tags: ["intro"]
            cell 2 modified (code, id c1)
              @@ -1,2 +1,2 @@
              -x = 1
              +x = 2
               print(x)
              execution_count: 1 → 3
              outputs: 1 → 2 (stream changed, image/png added)
            cell 3 removed (code, id c2)
              -gone()
            cell 3 added (markdown, id n1)
              +added here
            cells: 2 modified, 1 added, 1 removed, 0 moved, 0 unchanged

            """;
        Assert.Equal(expected, result.StandardOutput);
        Assert.DoesNotContain("\e[", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Colors_PaintsAddedGreenRemovedRedHeadersCyan()
    {
        using var dir = new TempDirectory();
        var (oldPath, newPath) = await WriteAsync(dir);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new Quire.Cli.Hosting.CliConsole(new MemoryStream(), output, error, colors: true);

        var exit = await Quire.Cli.Hosting.QuireCli.InvokeAsync(["nb", "diff", oldPath, newPath], console, Ct);
        var text = Encoding.UTF8.GetString(output.ToArray());

        Assert.Equal(0, exit);
        Assert.Contains("  \e[32m+x = 2\e[0m", text, StringComparison.Ordinal);
        Assert.Contains("  \e[31m-x = 1\e[0m", text, StringComparison.Ordinal);
        Assert.Contains("\e[36mcell 2 modified (code, id c1)\e[0m", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Json_IsMachineReadable()
    {
        using var dir = new TempDirectory();
        var (oldPath, newPath) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync("nb", "diff", "--json", oldPath, newPath);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("modified").GetInt32());
        var code = root.GetProperty("cells")[1];
        Assert.Equal("modified", code.GetProperty("status").GetString());
        Assert.Equal(
            ["@@ -1,2 +1,2 @@", "-x = 1", "+x = 2", " print(x)"],
            code.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(3, code.GetProperty("execution_count").GetProperty("new").GetInt32());
        Assert.Equal(2, code.GetProperty("outputs").GetProperty("new_count").GetInt32());
        var tag = root.GetProperty("cells")[0].GetProperty("changes")[0];
        Assert.Equal("metadata.tags", tag.GetProperty("path").GetString());
        Assert.Equal("added", tag.GetProperty("change").GetString());
        Assert.Equal("intro", tag.GetProperty("new")[0].GetString());
        Assert.Equal("removed", root.GetProperty("cells")[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Diff_ExitCode_IsOneWhenDifferent_ZeroWhenSame()
    {
        using var dir = new TempDirectory();
        var (oldPath, newPath) = await WriteAsync(dir);

        var different = await CliRunner.RunAsync("nb", "diff", "--exit-code", oldPath, newPath);
        var same = await CliRunner.RunAsync("nb", "diff", "--exit-code", oldPath, oldPath);
        var withoutFlag = await CliRunner.RunAsync("nb", "diff", oldPath, newPath);

        Assert.Equal(1, different.ExitCode);
        Assert.Equal(0, same.ExitCode);
        Assert.Equal(string.Empty, same.StandardOutput);
        Assert.Equal(0, withoutFlag.ExitCode);
    }

    [Fact]
    public async Task Diff_GitArguments_PrintsPathHeader()
    {
        using var dir = new TempDirectory();
        var (oldPath, newPath) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync(
            "nb", "diff", "--git", "nb/a.ipynb", oldPath, "1111111", "100644", newPath, "2222222", "100644");

        Assert.Equal(0, result.ExitCode);
        const string header = "diff --quire-nb a/nb/a.ipynb b/nb/a.ipynb\n--- a/nb/a.ipynb\n+++ b/nb/a.ipynb\n";
        Assert.StartsWith(header, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(oldPath, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_GitDevNull_IsANewNotebookWithAllCellsAdded()
    {
        using var dir = new TempDirectory();
        var (_, newPath) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync("nb", "diff", "--git", "a.ipynb", "/dev/null", ".", ".", newPath, "2222222", "100644");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--- /dev/null\n+++ b/a.ipynb\nnew notebook\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("cells: 0 modified, 3 added, 0 removed", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("notebook\n  ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_GitDeletedNotebook_RemovesAllCells()
    {
        using var dir = new TempDirectory();
        var (oldPath, _) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync("nb", "diff", "--git", "a.ipynb", oldPath, "1111111", "100644", "/dev/null", ".", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("deleted notebook", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 added, 3 removed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_UnreadableInput_ExitsBadInputWithMessage()
    {
        using var dir = new TempDirectory();
        var (oldPath, _) = await WriteAsync(dir);
        await File.WriteAllTextAsync(dir.File("broken.ipynb"), "{ not json", Ct);

        var missing = await CliRunner.RunAsync("nb", "diff", oldPath, dir.File("missing.ipynb"));
        var broken = await CliRunner.RunAsync("nb", "diff", dir.File("broken.ipynb"), oldPath);

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no such file", missing.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("broken.ipynb", broken.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, broken.StandardOutput);
    }

    [Theory]
    [InlineData("a.ipynb")]
    [InlineData("--git", "a", "b", "c")]
    public async Task Diff_WrongArgumentCount_IsUsageError(params string[] args)
    {
        var result = await CliRunner.RunAsync(["nb", "diff", .. args], null, Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nb diff takes", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Stdin_CanBeOneSide()
    {
        using var dir = new TempDirectory();
        var (oldPath, _) = await WriteAsync(dir);

        var result = await CliRunner.RunAsync(["nb", "diff", "--exit-code", oldPath, "-"], Encoding.UTF8.GetBytes(New), Ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("+++ -", result.StandardOutput, StringComparison.Ordinal);
    }
}
