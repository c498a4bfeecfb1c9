using Quire.Cli.Hosting;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class DiffGitDriverTests
{
    [Fact]
    public async Task GitDiff_WithQuireAsDiffDriver_ShowsCellAwareDiff()
    {
        using var dir = new TempDirectory();
        await StripTestGit.InitAsync(dir.Path);
        var quireDll = typeof(QuireCli).Assembly.Location;
        await StripTestGit.RunAsync(dir.Path, "config", "--local", "diff.quire-nb.command", $"dotnet '{quireDll}' nb diff --git");
        await File.WriteAllTextAsync(dir.File(".gitattributes"), "*.ipynb diff=quire-nb\n", TestContext.Current.CancellationToken);
        const string before = """{"cells":[{"cell_type":"code","execution_count":null,"id":"c1","metadata":{},"outputs":[],"source":"x = 1"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";
        await File.WriteAllTextAsync(dir.File("a.ipynb"), before, TestContext.Current.CancellationToken);
        await StripTestGit.RunAsync(dir.Path, "add", "a.ipynb", ".gitattributes");
        var after = before.Replace("x = 1", "x = 2", StringComparison.Ordinal);
        await File.WriteAllTextAsync(dir.File("a.ipynb"), after, TestContext.Current.CancellationToken);

        var output = await StripTestGit.RunAsync(dir.Path, "diff", "--no-color", "--", "a.ipynb");

        Assert.Contains("diff --quire-nb a/a.ipynb b/a.ipynb", output, StringComparison.Ordinal);
        Assert.Contains("cell 1 modified (code, id c1)\n  @@ -1 +1 @@\n  -x = 1\n  +x = 2\n", output, StringComparison.Ordinal);
    }
}
