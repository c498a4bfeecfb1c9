namespace Quire.Cli.Notebooks.Diff;

/// <summary>The role of one line of a source diff.</summary>
internal enum DiffLineKind
{
    Context,
    Added,
    Removed,
    Hunk,
}
