using System.Text.RegularExpressions;

namespace Quire.Conformance.Format;

/// <summary>Describes where two written notebooks first differ, for a failure message.</summary>
internal static partial class TextDiff
{
    private const int MaxShown = 160;

    /// <summary>The first differing line, or null when the texts are equal (with cell ids masked if asked).</summary>
    public static string? FirstDifference(string name, string quire, string python, bool maskIds)
    {
        if (maskIds)
        {
            quire = CellId().Replace(quire, "$1\"<id>\"");
            python = CellId().Replace(python, "$1\"<id>\"");
        }

        if (string.Equals(quire, python, StringComparison.Ordinal))
        {
            return null;
        }

        var a = quire.Split('\n');
        var b = python.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && string.Equals(a[line], b[line], StringComparison.Ordinal))
        {
            line++;
        }

        return $"{name}: first difference at line {line + 1}{(maskIds ? " (cell ids masked)" : string.Empty)}\n" +
            $"    quire:  {Show(a, line)}\n    python: {Show(b, line)}";
    }

    private static string Show(string[] lines, int index)
    {
        if (index >= lines.Length)
        {
            return "<end of file>";
        }

        var text = lines[index].Replace("\r", "\\r", StringComparison.Ordinal);
        return text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");
    }

    /// <summary>A cell's "id" line as nbformat writes it (cells at indent 2, their keys at indent 3).</summary>
    [GeneratedRegex("""^(   "id": )"[^"\n]*"(?=,?$)""", RegexOptions.Multiline)]
    private static partial Regex CellId();
}
