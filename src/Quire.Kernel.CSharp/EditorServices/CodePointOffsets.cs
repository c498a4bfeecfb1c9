namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points, Roslyn in UTF-16 code units: the two differ past any
/// character outside the Basic Multilingual Plane (emoji in a string literal).
/// </summary>
internal static class CodePointOffsets
{
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    public static int ToCodePoints(string text, int utf16)
    {
        var count = 0;
        for (var index = 0; index < utf16 && index < text.Length; count++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return count;
    }
}
