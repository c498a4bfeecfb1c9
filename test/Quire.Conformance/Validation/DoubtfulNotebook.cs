namespace Quire.Conformance.Validation;

/// <summary>One file for the verdict comparison: a name (also its file name) and its bytes.</summary>
public sealed record DoubtfulNotebook(string Name, byte[] Content)
{
    public override string ToString() => Name;
}
