namespace Quire.Server.Contents;

/// <summary>
/// A checked API path: <see cref="ApiPath"/> is '/'-separated, relative to the root, without leading or trailing '/'
/// ("" is the root); <see cref="FullPath"/> is where it lies on disk, inside the root.
/// </summary>
internal sealed record ContentsPath(string ApiPath, string FullPath)
{
    public bool IsRoot => ApiPath.Length == 0;

    /// <summary>The last segment ("" for the root).</summary>
    public string Name => ApiPath[(ApiPath.LastIndexOf('/') + 1)..];

    /// <summary>The API path of the containing directory ("" at the top level).</summary>
    public string ParentApiPath => ApiPath.LastIndexOf('/') is var slash and >= 0 ? ApiPath[..slash] : string.Empty;

    public static string Join(string directory, string name) => directory.Length == 0 ? name : $"{directory}/{name}";
}
