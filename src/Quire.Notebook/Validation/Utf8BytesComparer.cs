namespace Quire.Notebook.Validation;

/// <summary>Compares strings by their UTF-8 bytes, so that ids and tags are checked for repeats without decoding them.</summary>
internal sealed class Utf8BytesComparer : IEqualityComparer<ReadOnlyMemory<byte>>
{
    public static Utf8BytesComparer Instance { get; } = new();

    public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<byte> obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(obj.Span);
        return hash.ToHashCode();
    }
}
