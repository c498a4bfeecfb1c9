namespace Quire.Cli.Kernels.Terminal;

/// <summary>
/// Jupyter's cursor positions count Unicode code points (protocol 5.2), .NET strings count UTF-16 units: they differ
/// after any character outside the Basic Multilingual Plane.
/// </summary>
internal static class CodePoints
{
    public static int FromUtf16(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }

    public static int ToUtf16(string text, int codePoints)
    {
        var i = 0;
        for (var seen = 0; i < text.Length && seen < codePoints; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                seen++;
            }
        }

        // Land after the low half of a pair, never between its halves.
        while (i < text.Length && char.IsLowSurrogate(text[i]))
        {
            i++;
        }

        return i;
    }
}
