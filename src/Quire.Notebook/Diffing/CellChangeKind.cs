namespace Quire.Notebook.Diffing;

/// <summary>What happened to a cell between two versions of a notebook.</summary>
public enum CellChangeKind
{
    Unchanged,
    Modified,
    Added,
    Removed,

    /// <summary>Matched, but out of order with the other matched cells; its content may have changed too.</summary>
    Moved,
}
