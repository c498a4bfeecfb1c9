using System.Text;
using System.Text.Json;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class ScanCommandTests : IDisposable
{
    private const string Token = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

    private const string Leaky = """{"cells":[{"cell_type":"code","execution_count":1,"id":"c1","metadata":{},"outputs":[{"name":"stdout","output_type":"stream","text":"AKIAZ3MPLQ7RTWX4QK2B\n"}],"source":"import os\ntoken = 'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";

    private const string Clean = """{"cells":[{"cell_type":"code","execution_count":1,"id":"c1","metadata":{},"outputs":[],"source":"token = os.environ['GITHUB_TOKEN']"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Scan_Leaky_ReportsLocations_WithoutTheSecret()
    {
        var path = await WriteAsync("leaky.ipynb", Leaky);

        var result = await CliRunner.RunAsync("nb", "scan", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}: cell 0 [c1] source 2:10: github-token: ghp_…(40 chars)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{path}: cell 0 [c1] output 0 1:1: aws-access-key-id: AKIA…(20 chars)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 secrets found in 1 notebook", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAZ3MPLQ7RTWX4QK2B", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Clean_ExitsZero()
    {
        var path = await WriteAsync("clean.ipynb", Clean);

        var result = await CliRunner.RunAsync("nb", "scan", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no secrets found\n", result.StandardOutput);
    }

    [Fact]
    public async Task Scan_Unreadable_ExitsThree()
    {
        var path = await WriteAsync("bad.ipynb", "{not json");

        var result = await CliRunner.RunAsync("nb", "scan", path, _dir.File("missing.ipynb"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no such file", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Json_ListsFindings()
    {
        var path = await WriteAsync("leaky.ipynb", Leaky);

        var result = await CliRunner.RunAsync("nb", "scan", "--json", path);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var finding = json.RootElement.GetProperty("files")[0].GetProperty("findings")[0];
        Assert.Equal("github-token", finding.GetProperty("rule").GetString());
        Assert.Equal("c1", finding.GetProperty("cell_id").GetString());
        Assert.Equal("source", finding.GetProperty("where").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(10, finding.GetProperty("column").GetInt32());
        Assert.DoesNotContain(Token, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Fix_RedactsInPlace_ThenRescanIsClean()
    {
        var path = await WriteAsync("leaky.ipynb", Leaky);

        var fix = await CliRunner.RunAsync("nb", "scan", "--fix", path);
        var content = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var rescan = await CliRunner.RunAsync("nb", "scan", path);

        Assert.Equal(1, fix.ExitCode);
        Assert.Contains("redacted", fix.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("token = '<redacted:github-token>'", content, StringComparison.Ordinal);
        Assert.Contains("<redacted:aws-access-key-id>\\n", content, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, content, StringComparison.Ordinal);
        Assert.Equal(0, rescan.ExitCode);
    }

    [Fact]
    public async Task Scan_FixStdin_WritesRedactedNotebookToStdout()
    {
        var result = await CliRunner.RunAsync(["nb", "scan", "--fix", "-"], Encoding.UTF8.GetBytes(Leaky), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("<redacted:github-token>", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("<stdin>: cell 0 [c1] source", result.StandardError, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = _dir.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}
