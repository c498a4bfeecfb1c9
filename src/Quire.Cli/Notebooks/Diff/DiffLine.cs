namespace Quire.Cli.Notebooks.Diff;

/// <summary>One line of a unified source diff, without its prefix.</summary>
internal sealed record DiffLine(DiffLineKind Kind, string Text)
{
    /// <summary>The line as unified diff prints it: a hunk header as it is, others after "+", "-" or " ".</summary>
    public override string ToString() => Kind switch
    {
        DiffLineKind.Added => "+" + Text,
        DiffLineKind.Removed => "-" + Text,
        DiffLineKind.Hunk => Text,
        _ => " " + Text,
    };
}
