namespace Quire.Notebook.Signatures;

/// <summary>Jupyter's per-user data directory, resolved as <c>jupyter_core.paths.jupyter_data_dir</c> does.</summary>
public static class JupyterPaths
{
    /// <summary>
    /// <c>$JUPYTER_DATA_DIR</c> when set and non-empty; else on macOS <c>~/Library/Jupyter</c>, on Windows
    /// <c>%APPDATA%\jupyter</c>; else (Linux and other Unix) <c>$XDG_DATA_HOME/jupyter</c>, with
    /// <c>~/.local/share</c> when XDG_DATA_HOME is unset or empty.
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads one variable (tests pass a dictionary lookup, not the process's).</param>
    /// <param name="homeDirectory">The user's home directory.</param>
    public static string DataDir(Func<string, string?> getEnvironmentVariable, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(homeDirectory);
        if (getEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(homeDirectory, "Library", "Jupyter");
        }

        if (OperatingSystem.IsWindows() && getEnvironmentVariable("APPDATA") is { Length: > 0 } appData)
        {
            return Path.Combine(appData, "jupyter");
        }

        var xdg = getEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(xdg))
        {
            xdg = Path.Combine(homeDirectory, ".local", "share");
        }

        return Path.Combine(xdg, "jupyter");
    }

    /// <summary>The data directory for this process's environment and user.</summary>
    public static string DataDir() =>
        DataDir(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
