namespace Quire.Kernel.CSharp;

/// <summary>
/// The command line a kernelspec starts this kernel with: the dotnet host and <c>Quire.Kernel.CSharp.dll</c>, both
/// absolute, so the kernel starts the same from any PATH (JupyterLab launched from a desktop menu has a short one).
/// </summary>
public static class KernelSpecLaunch
{
    /// <summary>The kernel's assembly: next to the CLI's own (the CLI references this project), or wherever it was loaded from.</summary>
    public static string KernelAssemblyPath => typeof(KernelSpecLaunch).Assembly.Location;

    /// <summary>
    /// <c>[dotnet, Quire.Kernel.CSharp.dll, -f, {connection_file}]</c>. <paramref name="processPath"/> is the host running
    /// the installer: used when it is the dotnet muxer; an apphost (<c>quire</c>, or a tool shim) cannot run another
    /// assembly, so the muxer of the running framework is used instead.
    /// </summary>
    public static IReadOnlyList<string> Argv(string? processPath)
    {
        var host = IsDotnetMuxer(processPath) ? Path.GetFullPath(processPath!) : RunningFrameworkMuxer() ?? "dotnet";
        return [host, Path.GetFullPath(KernelAssemblyPath), "-f", "{connection_file}"];
    }

    private static bool IsDotnetMuxer(string? path) =>
        path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet" && File.Exists(path);

    // shared/Microsoft.NETCore.App/VERSION/ -> the dotnet root, where the muxer lives.
    private static string? RunningFrameworkMuxer()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory is null)
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var muxer = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(muxer) ? muxer : null;
    }
}
