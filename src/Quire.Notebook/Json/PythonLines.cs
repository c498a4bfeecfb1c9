using System.Buffers;

namespace Quire.Notebook.Json;

/// <summary>
/// Python's <c>str.splitlines(keepends=True)</c> on UTF-8: lines end at \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e,
/// U+0085, U+2028 and U+2029. nbformat writes multi-line text this way, so the split must be Python's exactly.
/// </summary>
public static class PythonLines
{
    [ThreadStatic]
    private static List<int>? _ends;

    private static readonly SearchValues<byte> Candidates = SearchValues.Create([0x0A, 0x0D, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0xC2, 0xE2]);

    /// <summary>The end offsets (exclusive) of each line; an empty input has no lines.</summary>
    public static void Split(ReadOnlySpan<byte> text, List<int> lineEnds)
    {
        var position = 0;
        while (position < text.Length)
        {
            var hit = text[position..].IndexOfAny(Candidates);
            if (hit < 0)
            {
                break;
            }

            var i = position + hit;
            var end = LineEndAt(text, i);
            if (end > 0)
            {
                lineEnds.Add(end);
            }

            position = end > 0 ? end : i + 1;
        }

        if (lineEnds.Count == 0 ? text.Length > 0 : lineEnds[^1] < text.Length)
        {
            lineEnds.Add(text.Length);
        }
    }

    /// <summary>Splits a string's UTF-8 into slices of the same memory (no copy).</summary>
    public static JArray SplitToArray(JString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Segments is { } segments && AreLines(segments))
        {
            // Joined from lines that are already exactly what splitting would give: no need to join and split again.
            return new JArray(segments);
        }

        var memory = text.Utf8;
        var ends = _ends ??= [];
        ends.Clear();
        Split(memory.Span, ends);
        if (ends.Count == 1)
        {
            return JArray.Of(text);
        }

        var items = new ReadOnlyMemory<byte>[ends.Count];
        var start = 0;
        for (var i = 0; i < ends.Count; i++)
        {
            items[i] = memory[start..ends[i]];
            start = ends[i];
        }

        return new JArray(items);
    }

    /// <summary>True when splitting the concatenation of <paramref name="segments"/> gives back exactly these segments.</summary>
    private static bool AreLines(ReadOnlyMemory<byte>[] segments)
    {
        var ends = _ends ??= [];
        for (var i = 0; i < segments.Length; i++)
        {
            var line = segments[i].Span;
            ends.Clear();
            Split(line, ends);
            var last = i == segments.Length - 1;
            if (ends.Count != 1 || (!last && TerminatorLength(line) == 0))
            {
                return false;
            }

            // "\r" then "\n" at the start of the next line would be one "\r\n" break.
            if (!last && line[^1] == 0x0D && segments[i + 1].Span[0] == 0x0A)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Python's <c>text.splitlines(keepEnds)</c>.</summary>
    public static IReadOnlyList<string> SplitLines(string text, bool keepEnds = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var ends = new List<int>();
        Split(utf8, ends);
        var lines = new List<string>(ends.Count);
        var start = 0;
        foreach (var end in ends)
        {
            var line = utf8.AsSpan(start, end - start);
            if (!keepEnds)
            {
                line = line[..^TerminatorLength(line)];
            }

            lines.Add(System.Text.Encoding.UTF8.GetString(line));
            start = end;
        }

        return lines;
    }

    /// <summary>The length in bytes of the line break that ends <paramref name="line"/> (0 for none).</summary>
    private static int TerminatorLength(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith("\r\n"u8) || line.EndsWith("\u0085"u8))
        {
            return 2;
        }

        if (line.EndsWith("\u2028"u8) || line.EndsWith("\u2029"u8))
        {
            return 3;
        }

        return line.Length > 0 && line[^1] is 0x0A or 0x0D or 0x0B or 0x0C or 0x1C or 0x1D or 0x1E ? 1 : 0;
    }

    /// <summary>Returns the offset just past the line break starting at <paramref name="i"/>, or 0 if there is none.</summary>
    private static int LineEndAt(ReadOnlySpan<byte> text, int i)
    {
        switch (text[i])
        {
            case 0x0D:
                return i + 1 < text.Length && text[i + 1] == 0x0A ? i + 2 : i + 1;
            case 0xC2:
                return i + 1 < text.Length && text[i + 1] == 0x85 ? i + 2 : 0;
            case 0xE2:
                return i + 2 < text.Length && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) ? i + 3 : 0;
            default:
                return i + 1;
        }
    }
}
