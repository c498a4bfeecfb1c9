using System.Reflection;
using System.Runtime.Loader;

namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// The assemblies that are the kernel's: the shared framework's, those loaded in the kernel's load context, and
/// those deployed beside the kernel (its dependencies, loaded or about to be). One name can live only once in a
/// load context, so a package's copy of any of them is never loaded: cells use the kernel's.
/// </summary>
internal static class KernelAssemblies
{
    private static readonly Lazy<IReadOnlyDictionary<string, KernelAssembly>> Deployed = new(ScanDeployed);

    public static IReadOnlyDictionary<string, KernelAssembly> Snapshot()
    {
        var all = new Dictionary<string, KernelAssembly>(Deployed.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in AssemblyLoadContext.Default.Assemblies)
        {
            if (!assembly.IsDynamic && assembly.Location.Length > 0 && assembly.GetName() is { Name: { } name, Version: { } version } && !all.ContainsKey(name))
            {
                all[name] = new KernelAssembly(name, version, assembly.Location, IsFramework: false);
            }
        }

        return all;
    }

    private static Dictionary<string, KernelAssembly> ScanDeployed()
    {
        var found = new Dictionary<string, KernelAssembly>(StringComparer.OrdinalIgnoreCase);
        Scan(Path.GetDirectoryName(typeof(object).Assembly.Location)!, isFramework: true, found);
        Scan(AppContext.BaseDirectory, isFramework: false, found);
        return found;
    }

    private static void Scan(string directory, bool isFramework, Dictionary<string, KernelAssembly> found)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.dll"))
        {
            if (Identity(file) is { Name: { } name, Version: { } version } && !found.ContainsKey(name))
            {
                found[name] = new KernelAssembly(name, version, file, isFramework);
            }
        }
    }

    /// <summary>The assembly's name and version, or null for a native library.</summary>
    public static AssemblyName? Identity(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
