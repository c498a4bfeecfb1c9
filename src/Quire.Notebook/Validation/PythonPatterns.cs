namespace Quire.Notebook.Validation;

/// <summary>
/// The schemas' regular expressions, hand-coded with Python's <c>re.search</c> semantics. fastjsonschema (nbformat's
/// default validator) rewrites <c>$</c> to <c>\Z</c> in <c>pattern</c> but not in <c>patternProperties</c>, where
/// <c>$</c> also matches before a final line feed, and <c>.</c> matches anything but a line feed.
/// </summary>
internal static class PythonPatterns
{
    private const int MaxCellIdLength = 64;

    /// <summary><c>^[a-zA-Z0-9-_]+\Z</c> with <c>minLength: 1</c> and <c>maxLength: 64</c>.</summary>
    public static bool IsCellId(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > MaxCellIdLength)
        {
            return false;
        }

        foreach (var b in utf8)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != (byte)'-' && b != (byte)'_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^.+\Z</c> (a cell's <c>metadata.name</c>): not empty, no line feed.</summary>
    public static bool IsMetadataName(ReadOnlySpan<byte> utf8) => utf8.Length > 0 && !utf8.Contains((byte)'\n');

    /// <summary><c>^[^,]+\Z</c> (one of a cell's <c>metadata.tags</c>): not empty, no comma.</summary>
    public static bool IsTag(ReadOnlySpan<byte> utf8) => utf8.Length > 0 && !utf8.Contains((byte)',');

    /// <summary>The <c>patternProperties</c> key <c>^.*$</c>: no line feed, except one at the very end.</summary>
    public static bool IsSingleLine(string key)
    {
        var index = key.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 || index == key.Length - 1;
    }

    /// <summary>The mime bundle's <c>patternProperties</c> key <c>^application/(.*\+)?json$</c>.</summary>
    public static bool IsJsonMime(string key)
    {
        const string Prefix = "application/";
        const string Suffix = "json";
        var text = key.AsSpan();
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        if (text.Length < Prefix.Length + Suffix.Length || !text.StartsWith(Prefix, StringComparison.Ordinal) ||
            !text.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var middle = text[Prefix.Length..^Suffix.Length];
        return middle.IsEmpty || (middle[^1] == '+' && !middle.Contains('\n'));
    }
}
