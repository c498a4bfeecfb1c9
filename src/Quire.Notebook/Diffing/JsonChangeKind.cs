namespace Quire.Notebook.Diffing;

/// <summary>How a key differs between two JSON objects.</summary>
public enum JsonChangeKind
{
    Added,
    Removed,
    Changed,
}
