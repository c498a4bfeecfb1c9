namespace Quire.Server.Contents;

/// <summary>
/// Resolves symbolic links as <c>realpath(3)</c> does, component by component (links inside link targets included), so
/// that a link anywhere on a path is seen for where it leads. Components that do not exist are kept as written.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="relative"/> (API segments) under the already-real <paramref name="realBase"/>.</summary>
    /// <exception cref="IOException">A loop of links.</exception>
    public static string Resolve(string realBase, IEnumerable<string> relative)
    {
        var pending = new Stack<string>(relative.Reverse());
        var current = realBase;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("too many levels of symbolic links");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            foreach (var segment in target.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Reverse())
            {
                pending.Push(segment);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies under it (compared with the separator).</summary>
    public static bool IsWithin(string path, string directory)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(path, directory, comparison))
        {
            return true;
        }

        // "+ separator": a root of /srv/nb must not admit /srv/nb2 (CVE-2026-35397).
        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
