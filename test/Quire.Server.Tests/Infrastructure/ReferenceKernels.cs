using System.Diagnostics;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// Kernels we did not write: Debian's ipykernel (<c>/usr/share/jupyter/kernels/python3</c>). A test needing it skips on
/// a developer's machine without it and fails on CI (<c>CI=true</c>), so that a CI image lacking it cannot pass silently.
/// </summary>
internal static class ReferenceKernels
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly Lazy<string?> IPyKernelProblem = new(Probe);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    /// <summary>Skips (or on CI fails) the calling test unless Debian's python3 kernelspec and ipykernel are installed.</summary>
    public static void RequireIPyKernel()
    {
        if (IPyKernelProblem.Value is not { } problem)
        {
            return;
        }

        var message = $"{problem}: this test needs Debian's python3-ipykernel (its kernelspec in {TestKernelSpecs.SystemKernels}/python3)";
        if (IsCi)
        {
            Assert.Fail($"{message}. On CI (CI=true) a missing reference kernel is a failure, not a skip.");
        }

        Assert.Skip(message);
    }

    private static string? Probe()
    {
        if (!File.Exists(Path.Combine(TestKernelSpecs.SystemKernels, "python3", "kernel.json")))
        {
            return $"{TestKernelSpecs.SystemKernels}/python3/kernel.json was not found";
        }

        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} was not found";
        }

        using var process = Process.Start(new ProcessStartInfo(Interpreter, ["-c", "import ipykernel"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            return $"{Interpreter} -c 'import ipykernel' did not finish within 60 s";
        }

        return process.ExitCode == 0 ? null : $"{Interpreter} cannot import ipykernel ({stderr.Trim().Split('\n')[^1]})";
    }
}
