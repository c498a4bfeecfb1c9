using System.Collections.Immutable;

namespace Quire.Notebook.Diffing;

/// <summary>
/// A summary of how a code cell's outputs changed: the counts, and one phrase per difference such as
/// <c>stream changed</c> or <c>image/png added</c>.
/// </summary>
public sealed record OutputsChange(int OldCount, int NewCount, ImmutableArray<string> Details)
{
    public override string ToString() =>
        Details.IsEmpty ? $"{OldCount} → {NewCount}" : $"{OldCount} → {NewCount} ({string.Join(", ", Details)})";
}
