namespace Quire.Kernels.KernelSpecs;

/// <summary>
/// Jupyter's directories on Linux and other Unix, resolved as <c>jupyter_core.paths</c> does, from an environment
/// passed in (tests hand a dictionary lookup, not the process's environment).
/// </summary>
public static class JupyterPaths
{
    /// <summary>jupyter_core's <c>SYSTEM_JUPYTER_PATH</c> on Unix.</summary>
    public static IReadOnlyList<string> SystemJupyterPath { get; } = ["/usr/local/share/jupyter", "/usr/share/jupyter"];

    /// <summary>The interpreter whose <c>sys.prefix</c> stands in for jupyter_core's <c>ENV_JUPYTER_PATH</c>.</summary>
    public const string DefaultPythonInterpreter = "/usr/bin/python3";

    /// <summary><c>/usr</c> when Debian's <c>/usr/bin/python3</c> exists (its <c>sys.prefix</c>), else null.</summary>
    public static string? DefaultPythonPrefix() => File.Exists(DefaultPythonInterpreter) ? "/usr" : null;

    /// <summary><c>$JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>.</summary>
    public static string DataDir(Func<string, string?> getEnvironmentVariable, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (getEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        var xdg = getEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(homeDirectory, ".local", "share") : xdg, "jupyter");
    }

    /// <summary>
    /// <c>$JUPYTER_RUNTIME_DIR</c>, else <c>DataDir/runtime</c>. jupyter_core stopped using <c>$XDG_RUNTIME_DIR</c> (it is
    /// removed at logout and is often too small), so neither do we: the two must agree for <c>jupyter console --existing</c>.
    /// </summary>
    public static string RuntimeDir(Func<string, string?> getEnvironmentVariable, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        return getEnvironmentVariable("JUPYTER_RUNTIME_DIR") is { Length: > 0 } explicitDir
            ? explicitDir
            : Path.Combine(DataDir(getEnvironmentVariable, homeDirectory), "runtime");
    }

    /// <summary>
    /// <c>jupyter_path()</c>: <c>$JUPYTER_PATH</c> entries, then the user's directories (data dir, then Python's user
    /// site <c>share/jupyter</c>), then the environment's (<c>prefix/share/jupyter</c> unless it is a system one; before the
    /// user's when <c>$JUPYTER_PREFER_ENV_PATH</c> is set), then <see cref="SystemJupyterPath"/>.
    /// </summary>
    public static IReadOnlyList<string> JupyterPath(Func<string, string?> getEnvironmentVariable, string homeDirectory, string? pythonPrefix)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var paths = new List<string>();
        if (getEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } jupyterPath)
        {
            paths.AddRange(jupyterPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => p.TrimEnd('/')));
        }

        var user = new List<string> { DataDir(getEnvironmentVariable, homeDirectory) };
        if (string.IsNullOrEmpty(getEnvironmentVariable("PYTHONNOUSERSITE")))
        {
            // site.getuserbase(): $PYTHONUSERBASE, else ~/.local.
            var userBase = getEnvironmentVariable("PYTHONUSERBASE") is { Length: > 0 } b ? b : Path.Combine(homeDirectory, ".local");
            var userDir = Path.Combine(userBase, "share", "jupyter");
            if (!user.Contains(userDir, StringComparer.Ordinal))
            {
                user.Add(userDir);
            }
        }

        var env = pythonPrefix is null ? [] : new List<string> { Path.Combine(pythonPrefix, "share", "jupyter") };
        env.RemoveAll(p => SystemJupyterPath.Contains(p, StringComparer.Ordinal));
        if (IsSet(getEnvironmentVariable("JUPYTER_PREFER_ENV_PATH")))
        {
            paths.AddRange(env);
            paths.AddRange(user);
        }
        else
        {
            paths.AddRange(user);
            paths.AddRange(env);
        }

        paths.AddRange(SystemJupyterPath);
        return paths;
    }

    /// <summary>IPython's own kernels directory (<c>$IPYTHONDIR</c> or <c>~/.ipython</c>), which KernelSpecManager searches last.</summary>
    public static string IPythonKernelsDir(Func<string, string?> getEnvironmentVariable, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var dir = getEnvironmentVariable("IPYTHONDIR") is { Length: > 0 } d ? d : Path.Combine(homeDirectory, ".ipython");
        return Path.Combine(dir, "kernels");
    }

    /// <summary>The process's home directory.</summary>
    public static string HomeDirectory() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    // jupyter_core.paths.envset: set unless one of the "false" spellings.
    private static bool IsSet(string? value) =>
        value is not null && !(new[] { "no", "n", "false", "off", "0", "0.0" }).Contains(value.ToLowerInvariant(), StringComparer.Ordinal);
}
