using System.Buffers;

namespace Quire.Conversion;

/// <summary>Base64 as notebooks hold it: possibly split into lines, which nbformat joins with newlines.</summary>
internal static class Base64Data
{
    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r "u8);

    /// <summary>True when every byte is a base64 character or whitespace, so it can go into an attribute verbatim.</summary>
    public static bool IsClean(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExcept(Alphabet) < 0;

    public static ReadOnlySpan<byte> WithoutWhitespace(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny("\n\r "u8) < 0)
        {
            return utf8;
        }

        var buffer = new byte[utf8.Length];
        var length = 0;
        foreach (var b in utf8)
        {
            if (b is not ((byte)'\n' or (byte)'\r' or (byte)' '))
            {
                buffer[length++] = b;
            }
        }

        return buffer.AsSpan(0, length);
    }
}
