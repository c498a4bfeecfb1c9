namespace Quire.Server.KernelSpecs;

/// <summary>
/// Maps the <c>{file}</c> of <c>/kernelspecs/{name}/{file}</c> to a file inside the kernelspec's resource directory,
/// refusing anything that could leave it: empty, <c>.</c> and <c>..</c> segments, absolute paths, backslashes, NUL
/// bytes, and a final file that is a symbolic link pointing outside the directory.
/// </summary>
internal static class KernelSpecResource
{
    /// <summary>The absolute path of the file, or null when the request is unsafe or names no file.</summary>
    public static string? Resolve(string resourceDirectory, string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal) || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var segment in relativePath.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return null;
            }
        }

        var root = Path.GetFullPath(resourceDirectory).TrimEnd('/') + "/";
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return full;
    }
}
