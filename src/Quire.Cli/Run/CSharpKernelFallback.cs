using Quire.Kernel.CSharp;
using Quire.Kernels.KernelSpecs;

namespace Quire.Cli.Run;

/// <summary>
/// Quire's C# kernel is always available to <c>quire run</c>, as it is to <c>quire serve</c>: when no kernelspec named
/// <c>csharp</c> is installed, the kernel next to this CLI is started with the command <c>quire kernel install</c> would write.
/// </summary>
internal static class CSharpKernelFallback
{
    public static Task<KernelSpec?> FindAsync(string name, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        if (!string.Equals(name, KernelSpecWriter.DefaultName, StringComparison.Ordinal))
        {
            return Task.FromResult<KernelSpec?>(null);
        }

        return Task.FromResult<KernelSpec?>(new KernelSpec
        {
            Name = KernelSpecWriter.DefaultName,
            DisplayName = KernelSpecWriter.DefaultDisplayName,
            Language = "csharp",
            ResourceDirectory = AppContext.BaseDirectory,
            Argv = KernelSpecLaunch.Argv(Environment.ProcessPath),
            InterruptMode = KernelInterruptMode.Message,
        });
    }
}
