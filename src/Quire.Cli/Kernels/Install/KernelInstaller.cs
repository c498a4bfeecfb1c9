using Quire.Cli.Hosting;
using Quire.Kernel.CSharp;
using Quire.Kernels.KernelSpecs;

namespace Quire.Cli.Kernels.Install;

/// <summary>Resolves the kernels directory as jupyter_client's <c>KernelSpecManager._get_destination_dir</c> does and writes the spec there.</summary>
internal static class KernelInstaller
{
    public static async Task<int> InstallAsync(KernelInstallRequest request, CliConsole console, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken)
    {
        var kernelsDirectory = KernelsDirectory(request, getEnvironmentVariable);
        if (kernelsDirectory is null)
        {
            await console.Error.WriteLineAsync($"quire kernel install: --sys-prefix needs {JupyterPaths.DefaultPythonInterpreter}, which was not found").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var resourceDirectory = Path.GetFullPath(Path.Combine(kernelsDirectory, request.Name));
        try
        {
            await KernelSpecWriter.WriteAsync(resourceDirectory, request.DisplayName, KernelSpecLaunch.Argv(Environment.ProcessPath), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var hint = request.Location == KernelSpecLocation.System ? " (use --user to install for yourself, or run as root)" : string.Empty;
            await console.Error.WriteLineAsync($"quire kernel install: cannot write {resourceDirectory}: {ex.Message}{hint}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }

        await console.Out.WriteLineAsync($"Installed kernelspec {request.Name} in {resourceDirectory}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The <c>kernels</c> directory for <paramref name="request"/>; null for <c>--sys-prefix</c> without Python.</summary>
    public static string? KernelsDirectory(KernelInstallRequest request, Func<string, string?> getEnvironmentVariable) => request.Location switch
    {
        KernelSpecLocation.User => Path.Combine(JupyterPaths.DataDir(getEnvironmentVariable, JupyterPaths.HomeDirectory()), "kernels"),
        KernelSpecLocation.Prefix => Path.Combine(request.Prefix!, "share", "jupyter", "kernels"),
        KernelSpecLocation.SysPrefix => JupyterPaths.DefaultPythonPrefix() is { } prefix ? Path.Combine(prefix, "share", "jupyter", "kernels") : null,
        _ => Path.Combine(JupyterPaths.SystemJupyterPath[0], "kernels"),
    };
}
