using System.Text.Json;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Messaging;

/// <summary>
/// One run of <c>python/jupyter_client_drive.py</c>, shared by the tests of a class: Debian's jupyter_client starts
/// Quire.TestKernel through a kernelspec in a temporary <c>JUPYTER_PATH</c>, drives it, and prints a report of named
/// checks. The run happens once, on first use, so that a test skipped for a missing module never starts it.
/// </summary>
public sealed class JupyterClientDrive : IDisposable
{
    /// <summary>The kernelspec's name, as jupyter_client finds it.</summary>
    public const string KernelName = "quiretest";

    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "python", "jupyter_client_drive.py");
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private readonly string _root = Directory.CreateTempSubdirectory("quire-jc-drive-").FullName;
    private readonly Lazy<Task<DriveReport>> _report;

    public JupyterClientDrive() => _report = new Lazy<Task<DriveReport>>(RunAsync);

    /// <summary>The kernel Quire.TestKernel.dll copied next to the tests by the project reference.</summary>
    public static string KernelAssembly => Path.Combine(AppContext.BaseDirectory, "Quire.TestKernel.dll");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    internal Task<DriveReport> GetReportAsync(CancellationToken cancellationToken) => _report.Value.WaitAsync(cancellationToken);

    private async Task<DriveReport> RunAsync()
    {
        Assert.True(File.Exists(KernelAssembly), $"{KernelAssembly} is missing: the Quire.TestKernel project reference should copy it next to the tests");
        var specDir = Path.Combine(_root, "kernels", KernelName);
        Directory.CreateDirectory(specDir);
        var spec = new Dictionary<string, object>
        {
            ["argv"] = new[] { DotnetHost(), KernelAssembly, "-f", "{connection_file}" },
            ["display_name"] = "Quire test kernel",
            ["language"] = "quire-test",
            ["interrupt_mode"] = "message",
        };
        await File.WriteAllTextAsync(Path.Combine(specDir, "kernel.json"), JsonSerializer.Serialize(spec), CancellationToken.None);

        // Everything jupyter_client reads or writes stays under the temporary root, not in the user's ~/.jupyter.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JUPYTER_PATH"] = _root,
            ["JUPYTER_DATA_DIR"] = Path.Combine(_root, "data"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(_root, "config"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(_root, "runtime"),
        };
        var (exitCode, stdout, stderr) = await PythonEnvironment.RunScriptAsync(Script, [KernelName], CancellationToken.None, ScriptTimeout, environment);
        Assert.True(exitCode == 0, $"{Script} exited with {exitCode}; it was expected to print its report and exit 0.\nstderr:\n{stderr}\nstdout:\n{stdout}");

        // The kernel inherits the script's stdout, so the report is the last line that is one, not the whole output.
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("{\"checks\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"{Script} printed no report.\nstderr:\n{stderr}\nstdout:\n{stdout}");
        return DriveReport.Parse(line, stderr);
    }

    // `dotnet test` tells the tests which host runs them; a kernelspec with a bare "dotnet" would depend on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

/// <summary>What the script reported: its checks by name, and a traceback if it could not finish.</summary>
internal sealed record DriveReport(IReadOnlyDictionary<string, DriveCheck> Checks, string? Fatal, string Stderr)
{
    public static DriveReport Parse(string json, string stderr)
    {
        using var document = JsonDocument.Parse(json);
        var checks = new Dictionary<string, DriveCheck>(StringComparer.Ordinal);
        foreach (var check in document.RootElement.GetProperty("checks").EnumerateArray())
        {
            var name = check.GetProperty("name").GetString()!;
            checks[name] = new DriveCheck(name, check.GetProperty("ok").GetBoolean(), check.GetProperty("details").Clone());
        }

        var fatal = document.RootElement.GetProperty("fatal") is { ValueKind: JsonValueKind.String } f ? f.GetString() : null;
        return new DriveReport(checks, fatal, stderr);
    }

    /// <summary>The check called <paramref name="name"/>; fails the test, with the script's trouble, when it did not run.</summary>
    public DriveCheck Require(string name)
    {
        Assert.True(
            Checks.TryGetValue(name, out var check),
            $"jupyter_client_drive.py reported no check {name}; it was expected to run every check.\nfatal: {Fatal}\nstderr:\n{Stderr}");
        return check!;
    }
}

/// <summary>One named check: whether it held, and what jupyter_client saw (as JSON, for the failure message).</summary>
internal sealed record DriveCheck(string Name, bool Ok, JsonElement Details)
{
    public string Describe() => $"{Name}: {Details.GetRawText()}";
}
