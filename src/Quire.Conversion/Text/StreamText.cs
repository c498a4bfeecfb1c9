using System.Text;

namespace Quire.Conversion.Text;

/// <summary>Stream text as nbconvert shows it: carriage returns overwrite their line (progress bars keep only their last state).</summary>
internal static class StreamText
{
    /// <summary>
    /// nbconvert's <c>coalesce_streams</c> rule: text before a <c>\r</c> that is followed by more of the same line is
    /// dropped, and <c>\r\n</c> is a plain newline.
    /// </summary>
    public static string ApplyCarriageReturns(string text)
    {
        if (!text.Contains('\r', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            var lastReturn = line.LastIndexOf('\r');
            builder.Append(lastReturn < 0 ? line : line[(lastReturn + 1)..]);
            if (newline < 0)
            {
                break;
            }

            builder.Append('\n');
            start = newline + 1;
        }

        return builder.ToString();
    }
}
