namespace Quire.Notebook.Json;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted</c> does. Ordinal UTF-16 order differs only where a
/// surrogate pair (a code point above U+FFFF) meets a character between U+E000 and U+FFFF.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        var mismatch = x.AsSpan(0, length).CommonPrefixLength(y.AsSpan(0, length));
        if (mismatch == length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return Fix(x[mismatch]).CompareTo(Fix(y[mismatch]));
    }

    private static int Fix(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
