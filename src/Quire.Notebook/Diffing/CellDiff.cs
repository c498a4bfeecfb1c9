using System.Collections.Immutable;

namespace Quire.Notebook.Diffing;

/// <summary>
/// One cell of the comparison: its old and new versions (one is <c>null</c> for an added or removed cell), their
/// positions, and what differs. Source differences are only flagged here; renderers diff the lines.
/// </summary>
public sealed record CellDiff
{
    public required CellChangeKind Kind { get; init; }

    public NotebookCell? Old { get; init; }

    public NotebookCell? New { get; init; }

    /// <summary>The cell's index in the old notebook, when it is there.</summary>
    public int? OldIndex { get; init; }

    /// <summary>The cell's index in the new notebook, when it is there.</summary>
    public int? NewIndex { get; init; }

    public bool CellTypeChanged { get; init; }

    public bool SourceChanged { get; init; }

    public bool ExecutionCountChanged { get; init; }

    /// <summary>Set when the outputs differ.</summary>
    public OutputsChange? Outputs { get; init; }

    /// <summary>Differences of the cell's other fields, mostly <c>metadata.…</c> (also <c>attachments</c>).</summary>
    public ImmutableArray<JsonChange> Changes { get; init; } = [];

    /// <summary>Whether anything inside the cell differs (whatever its position).</summary>
    public bool HasContentChanges => CellTypeChanged || SourceChanged || ExecutionCountChanged || Outputs is not null || !Changes.IsEmpty;

    /// <summary>The version to describe the cell by: the new one, or the old one for a removed cell.</summary>
    public NotebookCell Cell => New ?? Old!;
}
