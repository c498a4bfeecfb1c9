using System.Diagnostics;
using Quire.Kernel.CSharp;
using Quire.Kernels.KernelSpecs;

namespace Quire.Execution.Tests.Infrastructure;

/// <summary>
/// The real kernels runs are tested with: Debian's python3-ipykernel (<c>/usr/share/jupyter/kernels/python3</c>) and
/// Quire's C# kernel (a kernelspec written to a temp folder, started as <c>quire kernel install</c> would start it).
/// A missing ipykernel skips a test locally and fails it on CI (<c>CI=true</c>).
/// </summary>
internal static class TestKernels
{
    public const string PythonKernels = "/usr/share/jupyter/kernels";
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> IpykernelProblem = new(ProbeIpykernel);
    private static readonly Lazy<Task<string>> CSharpDirectory = new(WriteCSharpSpecAsync);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    public static KernelSpecFinderOptions RequireIpykernel()
    {
        if (IpykernelProblem.Value is { } problem)
        {
            var needed = $"this test needs Debian's python3-ipykernel ({Python} -m ipykernel_launcher, {PythonKernels}/python3): {problem}";
            if (IsCi)
            {
                Assert.Fail(needed + ". On CI (CI=true) a missing kernel is a failure, not a skip.");
            }

            Assert.Skip(needed);
        }

        return new KernelSpecFinderOptions { KernelDirectories = [PythonKernels] };
    }

    public static async Task<KernelSpecFinderOptions> CSharpAsync() =>
        new() { KernelDirectories = [await CSharpDirectory.Value.ConfigureAwait(false)] };

    private static async Task<string> WriteCSharpSpecAsync()
    {
        var root = Directory.CreateTempSubdirectory("quire-execution-kernels-").FullName;
        await KernelSpecWriter.WriteAsync(
            Path.Combine(root, KernelSpecWriter.DefaultName), KernelSpecWriter.DefaultDisplayName, KernelSpecLaunch.Argv(Environment.ProcessPath), CancellationToken.None);
        return root;
    }

    private static string? ProbeIpykernel()
    {
        if (!File.Exists(Path.Combine(PythonKernels, "python3", "kernel.json")))
        {
            return $"{PythonKernels}/python3/kernel.json was not found";
        }

        if (!File.Exists(Python))
        {
            return $"{Python} was not found";
        }

        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import ipykernel_launcher"]) { RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            return "importing ipykernel_launcher took over 60 s";
        }

        return process.ExitCode == 0 ? null : $"import ipykernel_launcher failed: {stderr.Trim()}";
    }
}
