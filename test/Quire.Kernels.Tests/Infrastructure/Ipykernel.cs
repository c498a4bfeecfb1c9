using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>
/// Debian's python3-ipykernel and its kernelspec (<c>/usr/share/jupyter/kernels/python3</c>), the real kernel the
/// manager is tested against. Missing, a test is skipped on a developer's machine and fails on CI (<c>CI=true</c>).
/// </summary>
internal static class Ipykernel
{
    public const string KernelsDirectory = "/usr/share/jupyter/kernels";
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string?> Problem = new(Probe);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    /// <summary>The installed python3 kernelspec; skips (or, on CI, fails) the test when ipykernel is not usable.</summary>
    public static async Task<KernelSpec> RequireSpecAsync()
    {
        if (Problem.Value is { } problem)
        {
            var needed = $"this test needs Debian's python3-ipykernel ({Interpreter} -m ipykernel_launcher and {KernelsDirectory}/python3): {problem}";
            if (IsCi)
            {
                Assert.Fail(needed + ". On CI (CI=true) a missing kernel is a failure, not a skip.");
            }

            Assert.Skip(needed);
        }

        var finder = new KernelSpecFinder(new KernelSpecFinderOptions { KernelDirectories = [KernelsDirectory] });
        return await finder.FindAsync("python3", TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"{KernelsDirectory}/python3 disappeared");
    }

    private static string? Probe()
    {
        if (!File.Exists(Path.Combine(KernelsDirectory, "python3", "kernel.json")))
        {
            return $"{KernelsDirectory}/python3/kernel.json was not found";
        }

        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} was not found";
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Interpreter, ["-c", "import ipykernel_launcher"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            return "importing ipykernel_launcher took over 60 s";
        }

        return process.ExitCode == 0 ? null : $"import ipykernel_launcher failed: {stderr.Trim().Split('\n')[^1]}";
    }
}
