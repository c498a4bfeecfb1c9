using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Quire.Kernel.CSharp;

/// <summary>
/// The command line a kernelspec starts this kernel with: the dotnet host and <c>Quire.Kernel.CSharp.dll</c>, both
/// absolute, so the kernel starts the same from any PATH (JupyterLab launched from a desktop menu has a short one).
/// </summary>
public static class KernelSpecLaunch
{
    /// <summary>The folder next to the kernel's assembly holding its ReadyToRun build (see ReadyToRun.targets).</summary>
    public const string ReadyToRunFolder = "csharp-kernel";

    /// <summary>The kernel's assembly: next to the CLI's own (the CLI references this project), or wherever it was loaded from.</summary>
    public static string KernelAssemblyPath => typeof(KernelSpecLaunch).Assembly.Location;

    /// <summary>
    /// The assembly a kernelspec starts: the ReadyToRun build of this very kernel when the build made one (it starts
    /// in a fraction of the time), else <see cref="KernelAssemblyPath"/>. A ReadyToRun image keeps its assembly's
    /// module version id, so one left over from an older build is told apart and not used.
    /// </summary>
    public static string LaunchedAssemblyPath => Choose(KernelAssemblyPath, typeof(KernelSpecLaunch).Module.ModuleVersionId);

    /// <summary>The ReadyToRun image of <paramref name="plain"/> when there is one of the same module, else <paramref name="plain"/>.</summary>
    internal static string Choose(string plain, Guid moduleVersionId)
    {
        var compiled = Path.Combine(Path.GetDirectoryName(plain) ?? ".", ReadyToRunFolder, Path.GetFileName(plain));
        return File.Exists(compiled) && ModuleVersionId(compiled) == moduleVersionId ? compiled : plain;
    }

    /// <summary>
    /// <c>[dotnet, Quire.Kernel.CSharp.dll, -f, {connection_file}]</c>. <paramref name="processPath"/> is the host running
    /// the installer: used when it is the dotnet muxer; an apphost (<c>quire</c>, or a tool shim) cannot run another
    /// assembly, so the muxer of the running framework is used instead.
    /// </summary>
    public static IReadOnlyList<string> Argv(string? processPath)
    {
        var host = IsDotnetMuxer(processPath) ? Path.GetFullPath(processPath!) : RunningFrameworkMuxer() ?? "dotnet";
        return [host, Path.GetFullPath(LaunchedAssemblyPath), "-f", "{connection_file}"];
    }

    private static Guid? ModuleVersionId(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
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
