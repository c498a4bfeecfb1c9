using System.Text;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class TrustCommandsTests : IDisposable
{
    private const string Notebook = """{"cells":[{"cell_type":"code","execution_count":1,"id":"a1","metadata":{},"outputs":[{"data":{"text/html":["<b>hi</b>"]},"execution_count":1,"metadata":{},"output_type":"execute_result"}],"source":"1"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Trust_ThenVerify_ThenUntrust()
    {
        var path = await WriteAsync("a.ipynb", Notebook);

        var before = await RunAsync("verify", path);
        var trust = await RunAsync("trust", path);
        var again = await RunAsync("trust", path);
        var after = await RunAsync("verify", path);
        var untrust = await RunAsync("untrust", path);
        var last = await RunAsync("verify", path);

        Assert.Equal(1, before.ExitCode);
        Assert.Equal($"{path}: not trusted\n", before.StandardOutput);
        Assert.Equal(0, trust.ExitCode);
        Assert.Equal($"Signing notebook: {path}\n", trust.StandardOutput);
        Assert.Equal($"Notebook already signed: {path}\n", again.StandardOutput);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal($"{path}: trusted\n", after.StandardOutput);
        Assert.Equal(0, untrust.ExitCode);
        Assert.Equal(1, last.ExitCode);
        Assert.True(File.Exists(_dir.File("notebook_secret")));
        Assert.True(File.Exists(_dir.File("nbsignatures.db")));
    }

    [Fact]
    public async Task Verify_ModifiedNotebook_IsNotTrusted_ButReformattingKeepsTrust()
    {
        var path = await WriteAsync("a.ipynb", Notebook);
        await RunAsync("trust", path);

        // Same content in nbformat's on-disk layout (lines split, indented): the signature is over content, not bytes.
        var formatted = await CliRunner.RunAsync("nb", "fmt", path);
        var afterFormat = await RunAsync("verify", path);
        await File.WriteAllTextAsync(path, Notebook.Replace("\"source\":\"1\"", "\"source\":\"2\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var afterEdit = await RunAsync("verify", path);

        Assert.Equal(0, formatted.ExitCode);
        Assert.Equal(0, afterFormat.ExitCode);
        Assert.Equal(1, afterEdit.ExitCode);
    }

    [Fact]
    public async Task Verify_SeveralFiles_WorstExitWins()
    {
        var trusted = await WriteAsync("t.ipynb", Notebook);
        var other = await WriteAsync("o.ipynb", Notebook.Replace("<b>hi</b>", "<i>x</i>", StringComparison.Ordinal));
        await RunAsync("trust", trusted);

        var mixed = await RunAsync("verify", trusted, other);
        var missing = await RunAsync("verify", trusted, _dir.File("missing.ipynb"));

        Assert.Equal(1, mixed.ExitCode);
        Assert.Contains($"{other}: not trusted", mixed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no such file", missing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trust_Stdin_NamesItStdin()
    {
        var result = await CliRunner.RunAsync(["nb", "trust", "--secret-file", _dir.File("s"), "--db-file", _dir.File("d.db"), "-"],
            Encoding.UTF8.GetBytes(Notebook), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Signing notebook: <stdin>\n", result.StandardOutput);
    }

    private Task<CliResult> RunAsync(string command, params string[] files) =>
        CliRunner.RunAsync(["nb", command, "--secret-file", _dir.File("notebook_secret"), "--db-file", _dir.File("nbsignatures.db"), .. files],
            stdin: null, TestContext.Current.CancellationToken);

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = _dir.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}
