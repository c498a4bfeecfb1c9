namespace Quire.Cli.Notebooks.Diff;

/// <summary>
/// The two notebooks to compare and the names to show them by. In git mode the files are git's temporary copies, so
/// they are shown as <c>a/PATH</c> and <c>b/PATH</c>.
/// </summary>
internal sealed record DiffSides(string OldFile, string NewFile, string OldName, string NewName, string? GitPath)
{
    /// <summary>What git passes for the missing side of an added or deleted file.</summary>
    public const string NullFile = "/dev/null";

    public bool OldMissing => OldFile == NullFile;

    public bool NewMissing => NewFile == NullFile;

    /// <summary>
    /// Reads the arguments: two files, or with <paramref name="git"/> the 7 (9 for a rename) that git gives an external
    /// diff: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-message].
    /// </summary>
    public static DiffSides? Parse(string[] arguments, bool git) => (git, arguments.Length) switch
    {
        (false, 2) => new DiffSides(arguments[0], arguments[1], arguments[0], arguments[1], null),
        (true, 7) => Git(arguments, arguments[0]),
        (true, 9) => Git(arguments, arguments[7]),
        _ => null,
    };

    private static DiffSides Git(string[] arguments, string newPath) =>
        new(arguments[1], arguments[4], Side("a", arguments[0], arguments[1]), Side("b", newPath, arguments[4]), newPath);

    private static string Side(string prefix, string path, string file) => file == NullFile ? NullFile : $"{prefix}/{path}";
}
