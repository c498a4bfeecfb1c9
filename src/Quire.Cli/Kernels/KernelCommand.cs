using System.CommandLine;
using Quire.Cli.Hosting;

namespace Quire.Cli.Kernels;

/// <summary><c>quire kernel</c>: the kernelspecs Jupyter and Quire start kernels from.</summary>
internal static class KernelCommand
{
    public static Command Create(CliConsole console) => Create(console, Environment.GetEnvironmentVariable);

    /// <summary><paramref name="getEnvironmentVariable"/> stands in for the process environment (tests pass their own).</summary>
    public static Command Create(CliConsole console, Func<string, string?> getEnvironmentVariable) =>
        new("kernel", "Install and list kernelspecs: the kernels Jupyter (and Quire) can start.")
        {
            KernelInstallCommand.Create(console, getEnvironmentVariable),
            KernelListCommand.Create(console, getEnvironmentVariable),
        };
}
