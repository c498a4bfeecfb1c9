using System.Text;
using System.Text.Json;
using Quire.Cli.Hosting;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Signing;

/// <summary>
/// Quire and Jupyter (Debian's nbformat 5.5.0) share one trust store: the same data dir, notebook_secret and
/// nbsignatures.db, each side reading what the other wrote.
/// </summary>
public sealed class TrustInteropTests : IDisposable
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "python", "notary.py");

    private readonly string _root = Directory.CreateTempSubdirectory("quire-trust-").FullName;

    public TrustInteropTests()
    {
        DataDir = Path.Combine(_root, "jupyter");
        Directory.CreateDirectory(DataDir);
    }

    private string DataDir { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PythonSigns_QuireVerifiesTrusted()
    {
        PythonEnvironment.RequireModules("nbformat");
        var files = await WriteNotebooksAsync();

        var signed = await PythonAsync("sign", files);
        var quire = await QuireAsync("verify", files);

        Assert.All(signed, r => Assert.True(r.Trusted, $"{r.File}: Python did not trust what it signed"));
        Assert.Equal(0, quire.ExitCode);
        foreach (var file in files)
        {
            Assert.Contains($"{file}: trusted\n", quire.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task QuireTrusts_PythonChecksTrusted_QuireUntrusts_PythonChecksUntrusted()
    {
        PythonEnvironment.RequireModules("nbformat");
        var files = await WriteNotebooksAsync();

        var before = await PythonAsync("check", files);
        var trust = await QuireAsync("trust", files);
        var afterTrust = await PythonAsync("check", files);
        var untrust = await QuireAsync("untrust", files);
        var afterUntrust = await PythonAsync("check", files);

        Assert.All(before, r => Assert.False(r.Trusted, $"{r.File}: trusted before anyone signed it"));
        Assert.Equal(0, trust.ExitCode);
        Assert.All(afterTrust, r => Assert.True(r.Trusted, $"{r.File}: Python does not trust what Quire signed"));
        Assert.Equal(0, untrust.ExitCode);
        Assert.All(afterUntrust, r => Assert.False(r.Trusted, $"{r.File}: Python still trusts what Quire untrusted"));
    }

    [Fact]
    public async Task ModifiedNotebook_IsUntrustedByBoth()
    {
        PythonEnvironment.RequireModules("nbformat");
        var files = await WriteNotebooksAsync();
        await PythonAsync("sign", files[..2]);
        await QuireAsync("trust", files[2..]);

        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(file, text.Replace("\"nbformat_minor\"", "\"zz\": 1, \"nbformat_minor\"", StringComparison.Ordinal),
                TestContext.Current.CancellationToken);
        }

        var python = await PythonAsync("check", files);
        var quire = await QuireAsync("verify", files);

        Assert.All(python, r => Assert.False(r.Trusted, $"{r.File}: Python trusts a modified notebook"));
        Assert.Equal(1, quire.ExitCode);
        Assert.DoesNotContain(": trusted\n", quire.Output, StringComparison.Ordinal);
    }

    private async Task<string[]> WriteNotebooksAsync()
    {
        var files = new List<string>();
        foreach (var (name, json) in InteropNotebooks.All)
        {
            var path = Path.Combine(_root, name + ".ipynb");
            await File.WriteAllTextAsync(path, json, new UTF8Encoding(false), TestContext.Current.CancellationToken);
            files.Add(path);
        }

        return [.. files];
    }

    private async Task<List<(string File, bool? Trusted, string Signature)>> PythonAsync(string command, string[] files)
    {
        var (exit, stdout, stderr) = await PythonEnvironment.RunScriptAsync(Script, [DataDir, command, .. files], TestContext.Current.CancellationToken);
        Assert.True(exit == 0, $"notary.py {command} exited {exit}:\n{stderr}");
        var results = new List<(string, bool?, string)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var trusted = json.RootElement.GetProperty("trusted");
            results.Add((json.RootElement.GetProperty("file").GetString()!, trusted.ValueKind == JsonValueKind.Null ? null : trusted.GetBoolean(),
                json.RootElement.GetProperty("signature").GetString()!));
        }

        Assert.Equal(files.Length, results.Count);
        return results;
    }

    private async Task<(int ExitCode, string Output)> QuireAsync(string command, string[] files)
    {
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(input, output, error, colors: false);
        string[] args = ["nb", command, "--secret-file", Path.Combine(DataDir, "notebook_secret"), "--db-file", Path.Combine(DataDir, "nbsignatures.db"), .. files];
        var exit = await QuireCli.InvokeAsync(args, console, TestContext.Current.CancellationToken);
        await console.Out.FlushAsync(TestContext.Current.CancellationToken);
        return (exit, Encoding.UTF8.GetString(output.ToArray()) + error);
    }
}
