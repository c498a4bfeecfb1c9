namespace Quire.Notebook.Json;

/// <summary>
/// Python's <c>json</c> reads the non-standard constants <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> (and writes
/// them back). This finds them outside strings and swaps in numbers of the same length, so that offsets, and so
/// error positions, stay as they were.
/// </summary>
internal static class PythonConstants
{
    public static bool TryReplace(ReadOnlySpan<byte> input, out ReadOnlyMemory<byte> replaced, out Dictionary<long, JNumber> specials)
    {
        specials = [];
        byte[]? copy = null;
        var inString = false;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b == (byte)'N' && input[i..].StartsWith("NaN"u8) && IsValueStart(input, i))
            {
                copy ??= input.ToArray();
                "0  "u8.CopyTo(copy.AsSpan(i));
                specials[i] = JNumber.FromPythonConstant("NaN");
                i += 2;
            }
            else if (b == (byte)'I' && input[i..].StartsWith("Infinity"u8))
            {
                var negative = i > 0 && input[i - 1] == (byte)'-';
                var start = negative ? i - 1 : i;
                if (IsValueStart(input, start))
                {
                    copy ??= input.ToArray();
                    "1e999   "u8.CopyTo(copy.AsSpan(i));
                    specials[start] = JNumber.FromPythonConstant(negative ? "-Infinity" : "Infinity");
                    i += 7;
                }
            }
        }

        replaced = copy;
        return copy is not null;
    }

    /// <summary>True when the byte before <paramref name="i"/> may precede a value (so "1NaN" stays an error).</summary>
    private static bool IsValueStart(ReadOnlySpan<byte> input, int i) =>
        i == 0 || input[i - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'[' or (byte)',' or (byte)':';
}
