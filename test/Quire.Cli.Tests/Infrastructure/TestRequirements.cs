using System.Diagnostics;

namespace Quire.Cli.Tests.Infrastructure;

/// <summary>
/// Components some tests drive for real: Debian's python3-ipykernel (the <c>python3</c> kernelspec) and tmux (a real
/// terminal). Missing, a test is skipped on a developer's machine and fails on CI (<c>CI=true</c>);
/// eng/install-test-deps.sh installs both.
/// </summary>
internal static class TestRequirements
{
    public const string KernelsDirectory = "/usr/share/jupyter/kernels";
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> IpykernelProblem = new(() =>
        !File.Exists(Path.Combine(KernelsDirectory, "python3", "kernel.json")) ? $"{KernelsDirectory}/python3/kernel.json was not found"
        : !File.Exists(Python) ? $"{Python} was not found"
        : Probe(Python, "-c", "import ipykernel_launcher"));

    private static readonly Lazy<string?> TmuxProblem = new(() => Probe("tmux", "-V"));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    public static void Ipykernel() => Require(IpykernelProblem.Value, $"Debian's python3-ipykernel ({Python} -m ipykernel_launcher, {KernelsDirectory}/python3)");

    public static void Tmux() => Require(TmuxProblem.Value, "tmux");

    private static void Require(string? problem, string what)
    {
        if (problem is null)
        {
            return;
        }

        var needed = $"this test needs {what}: {problem}";
        if (IsCi)
        {
            Assert.Fail(needed + ". On CI (CI=true) a missing component is a failure, not a skip.");
        }

        Assert.Skip(needed);
    }

    private static string? Probe(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                return $"{program} {string.Join(' ', args)} took over 60 s";
            }

            return process.ExitCode == 0 ? null : $"{program} {string.Join(' ', args)} failed: {stderr.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"{program} cannot be run: {ex.Message}";
        }
    }
}
