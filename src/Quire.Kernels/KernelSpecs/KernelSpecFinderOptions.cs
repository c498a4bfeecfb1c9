namespace Quire.Kernels.KernelSpecs;

/// <summary>Where <see cref="KernelSpecFinder"/> looks. Tests give directories; <see cref="FromEnvironment()"/> gives Jupyter's.</summary>
public sealed record KernelSpecFinderOptions
{
    /// <summary>The <c>kernels</c> directories, highest priority first: the first spec of a name wins.</summary>
    public required IReadOnlyList<string> KernelDirectories { get; init; }

    /// <summary>Only these names are listed when non-empty (jupyter_client's <c>allowed_kernelspecs</c>).</summary>
    public IReadOnlySet<string>? AllowedKernelSpecs { get; init; }

    /// <summary>
    /// KernelSpecManager's <c>kernel_dirs</c>: <see cref="JupyterPaths.JupyterPath"/> each with <c>/kernels</c>, then
    /// IPython's kernels directory. <paramref name="pythonPrefix"/> stands in for <c>sys.prefix</c>.
    /// </summary>
    public static KernelSpecFinderOptions FromEnvironment(Func<string, string?> getEnvironmentVariable, string homeDirectory, string? pythonPrefix)
    {
        var dirs = JupyterPaths.JupyterPath(getEnvironmentVariable, homeDirectory, pythonPrefix).Select(p => Path.Combine(p, "kernels")).ToList();
        dirs.Add(JupyterPaths.IPythonKernelsDir(getEnvironmentVariable, homeDirectory));
        return new KernelSpecFinderOptions { KernelDirectories = dirs };
    }

    /// <summary>Jupyter's directories for this process, with <see cref="JupyterPaths.DefaultPythonPrefix"/> as <c>sys.prefix</c>.</summary>
    public static KernelSpecFinderOptions FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable, JupyterPaths.HomeDirectory(), JupyterPaths.DefaultPythonPrefix());
}
