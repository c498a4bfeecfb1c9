using Quire.Server.Hosting;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>
/// The served directory and the rules that keep every API path inside it. Refused in every form, with 404 as
/// jupyter_server: <c>..</c> and <c>.</c> segments (however encoded: the router has decoded them by now), NUL bytes,
/// backslashes, slashes that arrived encoded, drive letters, anything whose full path falls outside the root (compared
/// with the separator, so a sibling sharing the root's prefix is outside), and, unless
/// <see cref="QuireServerOptions.FollowSymlinksOutsideRoot"/>, anything a symbolic link leads outside the root.
/// A leading '/' is not an absolute path here: API paths are always relative to the root.
/// </summary>
internal sealed class ContentsRoot
{
    public ContentsRoot(QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.RootDirectory));
        RealDirectory = RealPath.Resolve(Path.GetPathRoot(Directory)!, Directory[Path.GetPathRoot(Directory)!.Length..].Split(Path.DirectorySeparatorChar));
        AllowHidden = options.AllowHidden;
        FollowSymlinksOutsideRoot = options.FollowSymlinksOutsideRoot;
    }

    public string Directory { get; }

    /// <summary>The root with its own symbolic links resolved, for containment checks of real paths.</summary>
    public string RealDirectory { get; }

    public bool AllowHidden { get; }

    public bool FollowSymlinksOutsideRoot { get; }

    /// <summary>Checks and resolves a path as given in a URL or a request body.</summary>
    /// <exception cref="ApiException">404: the path is malformed or leads outside the root.</exception>
    public ContentsPath Resolve(string? raw)
    {
        raw ??= string.Empty;
        if (!TrySegments(raw, out var segments))
        {
            throw Outside(raw);
        }

        var apiPath = string.Join('/', segments);
        var full = segments.Length == 0 ? Directory : Path.GetFullPath(Path.Join(Directory, Path.Join(segments)));
        if (!RealPath.IsWithin(full, Directory))
        {
            throw Outside(raw);
        }

        var path = new ContentsPath(apiPath, full);
        if (!FollowSymlinksOutsideRoot && !IsRealPathInside(segments))
        {
            throw Outside(raw);
        }

        return path;
    }

    /// <summary>Whether an entry of a listing may be shown: a link out of the root is not, unless links are followed.</summary>
    public bool IsListable(ContentsPath path) =>
        FollowSymlinksOutsideRoot || IsRealPathInside(path.ApiPath.Split('/', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the path is hidden: any segment starts with '.', as jupyter_core's <c>is_hidden</c>.</summary>
    public static bool IsHidden(string apiPath) =>
        apiPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(segment => segment.StartsWith('.'));

    /// <summary>Hidden and hidden files are not allowed.</summary>
    public bool IsRefusedAsHidden(string apiPath) => !AllowHidden && IsHidden(apiPath);

    /// <summary>Where writes to the path must go: through a link inside the root to its target, else the path itself.</summary>
    public string WriteTarget(ContentsPath path)
    {
        var real = RealPath.Resolve(RealDirectory, path.ApiPath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return RealPath.IsWithin(real, RealDirectory) || FollowSymlinksOutsideRoot ? real : path.FullPath;
    }

    private bool IsRealPathInside(string[] segments)
    {
        try
        {
            return RealPath.IsWithin(RealPath.Resolve(RealDirectory, segments), RealDirectory);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool TrySegments(string raw, out string[] segments)
    {
        segments = [];
        if (raw.Contains('\0', StringComparison.Ordinal) || raw.Contains('\\', StringComparison.Ordinal)
            || raw.Contains("%2f", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        segments = raw.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || (OperatingSystem.IsWindows() && s.Contains(':', StringComparison.Ordinal))))
        {
            return false;
        }

        // "C:" or "c:foo" first: a drive on Windows, refused everywhere so that paths mean the same on every server.
        return segments.Length == 0 || segments[0].Length < 2 || segments[0][1] != ':' || !char.IsAsciiLetter(segments[0][0]);
    }

    private static ApiException Outside(string raw) => ApiException.NotFound($"{raw.Trim('/')} is outside root contents directory");
}
