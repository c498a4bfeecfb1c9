using System.Diagnostics;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Conversion;

/// <summary>
/// Debian's Chromium and jupyter-nbconvert, which the conversion conformance tests drive. Missing, a test skips on a
/// developer's machine and fails on CI (<c>CI=true</c>), as <see cref="PythonEnvironment"/> does for Python modules.
/// </summary>
internal static class ConversionTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static void RequireChromium() => Require(File.Exists(ChromiumPath), $"{ChromiumPath} was not found (Debian: apt-get install chromium)");

    public static void RequireNbconvert() => PythonEnvironment.RequireModules("nbconvert");

    /// <summary>Runs a program to completion and returns its exit code and output; past <paramref name="timeout"/> it is killed and this throws.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{program} did not start");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not exit within {timeout.TotalSeconds:0} s; it was expected to finish");
        }
    }

    private static void Require(bool present, string problem)
    {
        if (present)
        {
            return;
        }

        if (PythonEnvironment.IsCi)
        {
            Assert.Fail($"{problem}. On CI (CI=true) a missing reference implementation is a failure, not a skip.");
        }

        Assert.Skip(problem + ".");
    }
}
