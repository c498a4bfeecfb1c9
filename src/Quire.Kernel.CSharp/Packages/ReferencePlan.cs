namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// Which of a restore's assemblies cells get. A package assembly the kernel already has (framework or kernel
/// dependency) is replaced by the kernel's copy, with a warning when the versions differ: loading a second copy of
/// a name the kernel uses would break either the kernel or the package. One an earlier cell already referenced
/// stays at the version it was first referenced at, for the same reason.
/// </summary>
internal sealed record ReferencePlan(IReadOnlyList<(string Name, Version Version, string Path)> Add, IReadOnlyList<string> Warnings)
{
    public static ReferencePlan Create(
        IEnumerable<(string Name, Version Version, string Path)> packageAssemblies,
        IReadOnlyDictionary<string, KernelAssembly> kernel,
        IReadOnlyDictionary<string, (Version Version, string Path)> referenced)
    {
        ArgumentNullException.ThrowIfNull(packageAssemblies);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(referenced);
        var add = new List<(string Name, Version Version, string Path)>();
        var warnings = new List<string>();
        foreach (var (name, version, path) in packageAssemblies)
        {
            if (referenced.TryGetValue(name, out var earlier))
            {
                if (earlier.Version != version)
                {
                    warnings.Add($"warning: {name} {version} is not loaded: an earlier cell already loaded {name} {earlier.Version}, which stays in use");
                }
            }
            else if (kernel.TryGetValue(name, out var own))
            {
                if (own.IsFramework && version <= own.Version)
                {
                    // The runtime's copy is as new or newer, and cells already reference it: the SDK makes the same choice.
                    continue;
                }

                if (own.Version != version)
                {
                    warnings.Add($"warning: {name} {version} is not loaded: the kernel already uses {name} {own.Version}, which cells share");
                }

                if (!own.IsFramework)
                {
                    add.Add((name, own.Version, own.Path));
                }
            }
            else
            {
                add.Add((name, version, path));
            }
        }

        return new ReferencePlan(add, warnings);
    }
}
