using Quire.Cli.Hosting;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class StripInstallTests
{
    private const string Attribute = "*.ipynb filter=quire-strip";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_OutsideRepository_RefusesClearly()
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync("nb", "strip", "--install", "--repo", dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not inside a git repository", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File(".gitattributes")));
    }

    [Fact]
    public async Task Install_SetsFilterAndAttributesOnce_UninstallRemovesThem()
    {
        using var dir = new TempDirectory();
        await StripTestGit.InitAsync(dir.Path);
        await File.WriteAllTextAsync(dir.File(".gitattributes"), "*.png binary", Ct);
        var sub = Directory.CreateDirectory(dir.File("sub")).FullName;

        var first = await CliRunner.RunAsync("nb", "strip", "--install", "--keep-count", "--repo", sub);
        var second = await CliRunner.RunAsync("nb", "strip", "--install", "--keep-count", "--repo", sub);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("quire nb strip --keep-count -", await StripTestGit.ConfigAsync(dir.Path, "filter.quire-strip.clean"));
        Assert.Equal("cat", await StripTestGit.ConfigAsync(dir.Path, "filter.quire-strip.smudge"));
        Assert.Equal("true", await StripTestGit.ConfigAsync(dir.Path, "filter.quire-strip.required"));
        Assert.Equal($"*.png binary\n{Attribute}\n", await File.ReadAllTextAsync(dir.File(".gitattributes"), Ct));

        var uninstall = await CliRunner.RunAsync("nb", "strip", "--uninstall", "--repo", dir.Path);
        var again = await CliRunner.RunAsync("nb", "strip", "--uninstall", "--repo", dir.Path);

        Assert.Equal(0, uninstall.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Null(await StripTestGit.ConfigAsync(dir.Path, "filter.quire-strip.clean"));
        Assert.Equal("*.png binary\n", await File.ReadAllTextAsync(dir.File(".gitattributes"), Ct));
    }

    [Fact]
    public async Task Install_ThenGitAdd_StagesTheStrippedNotebook_AndKeepsTheWorkingCopy()
    {
        using var dir = new TempDirectory();
        await StripTestGit.InitAsync(dir.Path);
        var quireDll = typeof(QuireCli).Assembly.Location;
        var install = await CliRunner.RunAsync("nb", "strip", "--install", "--command", $"dotnet '{quireDll}'", "--repo", dir.Path);
        Assert.Equal(0, install.ExitCode);
        await File.WriteAllTextAsync(dir.File("a.ipynb"), StripCommandTests.Executed, Ct);

        await StripTestGit.RunAsync(dir.Path, "add", "a.ipynb");
        var staged = await StripTestGit.RunAsync(dir.Path, "show", ":a.ipynb");

        Assert.Equal(StripCommandTests.Stripped, staged);
        Assert.Equal(StripCommandTests.Executed, await File.ReadAllTextAsync(dir.File("a.ipynb"), Ct));
    }

    [Fact]
    public async Task Install_WithFiles_IsUsageError()
    {
        var result = await CliRunner.RunAsync("nb", "strip", "--install", "a.ipynb");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Install_WithExtraKeys_PutsThemQuotedIntoTheFilterCommand()
    {
        using var dir = new TempDirectory();
        await StripTestGit.InitAsync(dir.Path);

        var result = await CliRunner.RunAsync("nb", "strip", "--install", "--extra-keys", "metadata.foo cell.metadata.a(1)", "--repo", dir.Path);

        Assert.Equal(0, result.ExitCode);
        var clean = await StripTestGit.ConfigAsync(dir.Path, "filter.quire-strip.clean");
        Assert.Equal("quire nb strip --extra-keys metadata.foo --extra-keys 'cell.metadata.a(1)' -", clean);
    }

    [Theory]
    [InlineData("cell.metadata.tags", "cell.metadata.tags")]
    [InlineData("dotnet /a b/quire.dll", "'dotnet /a b/quire.dll'")]
    [InlineData("it's", "'it'\\''s'")]
    public void ShellQuoting_QuotesOnlyWhatNeedsIt(string word, string expected) =>
        Assert.Equal(expected, Quire.Cli.Notebooks.Strip.ShellQuoting.Quote(word));
}
