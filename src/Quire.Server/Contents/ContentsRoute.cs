using System.Text.RegularExpressions;

namespace Quire.Server.Contents;

/// <summary>
/// How the path after <c>/api/contents</c> splits into a file and a sub-resource, as jupyter_server's routes
/// (<c>{path}/checkpoints</c>, <c>{path}/checkpoints/{id}</c>, <c>{path}/trust</c>). A route with a catch-all cannot
/// have a suffix in ASP.NET Core, so the split happens here, and only for the methods those resources take: a file
/// that happens to be named "trust" can still be read.
/// </summary>
internal static partial class ContentsRoute
{
    public const string Checkpoints = "checkpoints";
    public const string Trust = "trust";

    /// <summary>"a/b.ipynb/checkpoints" → "a/b.ipynb".</summary>
    public static bool TryCheckpoints(string path, out string file) => TrySuffix(path, Checkpoints, out file);

    /// <summary>"a/b.ipynb/trust" → "a/b.ipynb".</summary>
    public static bool TryTrust(string path, out string file) => TrySuffix(path, Trust, out file);

    /// <summary>"a/b.ipynb/checkpoints/checkpoint" → ("a/b.ipynb", "checkpoint"); ids are word characters and '-'.</summary>
    public static bool TryCheckpoint(string path, out string file, out string id)
    {
        file = id = string.Empty;
        var slash = path.LastIndexOf('/');
        if (slash < 0 || !CheckpointId().IsMatch(path[(slash + 1)..]))
        {
            return false;
        }

        id = path[(slash + 1)..];
        return TrySuffix(path[..slash], Checkpoints, out file);
    }

    public static string Normalize(string? routeValue) => (routeValue ?? string.Empty).TrimEnd('/');

    private static bool TrySuffix(string path, string suffix, out string file)
    {
        file = string.Empty;
        if (path == suffix)
        {
            return true;
        }

        if (path.EndsWith("/" + suffix, StringComparison.Ordinal))
        {
            file = path[..^(suffix.Length + 1)];
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^[\w-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckpointId();
}
