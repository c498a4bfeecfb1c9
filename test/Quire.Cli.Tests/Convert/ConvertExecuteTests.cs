using Quire.Cli.Tests.Infrastructure;
using static Quire.Cli.Tests.Run.RunNotebooks;

namespace Quire.Cli.Tests.Convert;

/// <summary><c>quire convert --execute</c> with Debian's ipykernel: runs first, converts the result, writes nothing when a cell fails.</summary>
public sealed class ConvertExecuteTests
{
    [Fact]
    public async Task Execute_runs_the_notebook_in_its_folder_and_converts_its_outputs()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("data.txt"), "from-the-notebook-folder", TestContext.Current.CancellationToken);
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print(open('data.txt').read(), 6 * 7)"));

        var result = await CliRunner.RunAsync(["convert", input, "--to", "html", "--execute"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = await File.ReadAllTextAsync(dir.File("in.html"), TestContext.Current.CancellationToken);
        Assert.Contains("from-the-notebook-folder 42", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_conversion_with_the_run_exit_code_unless_errors_are_allowed()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print('before')"), Cell("1/0"), Cell("print('af' + 'ter')"));

        var failed = await CliRunner.RunAsync(["convert", input, "--to", "html", "--execute"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(failed.ExitCode == 5, failed.ToString());
        Assert.Contains("ZeroDivisionError", failed.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("in.html")), "a failed run must not leave a converted file");

        var allowed = await CliRunner.RunAsync(["convert", input, "--to", "html", "--execute", "--allow-errors"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var html = await File.ReadAllTextAsync(dir.File("in.html"), TestContext.Current.CancellationToken);
        Assert.Contains("ZeroDivisionError", html, StringComparison.Ordinal);
        Assert.Contains("after", html, StringComparison.Ordinal);
    }
}
