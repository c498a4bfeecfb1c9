using System.Buffers;
using System.Buffers.Text;
using System.Text.Unicode;
using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>
/// A file's bytes as a model's <c>content</c>, and back: <c>text</c> is the UTF-8 itself (kept as a slice, never
/// decoded), <c>base64</c> is laid out as Python's <c>base64.encodebytes</c> (76 characters a line, each ending "\n").
/// </summary>
internal static class FileContent
{
    private const int BytesPerLine = 57;

    /// <summary>The content and its format; without a requested format, text when the bytes are UTF-8, else base64.</summary>
    /// <exception cref="ApiException">400: text was asked for a file that is not UTF-8.</exception>
    public static (JString Content, string Format) Encode(byte[] bytes, string? format, string apiPath)
    {
        if (format is null or "text")
        {
            if (Utf8.IsValid(bytes))
            {
                return (JString.FromUtf8(bytes), "text");
            }

            if (format == "text")
            {
                throw new ApiException(400, $"{apiPath} is not UTF-8 encoded", "bad format");
            }
        }

        return (JString.FromUtf8(EncodeBase64Lines(bytes)), "base64");
    }

    /// <summary>The bytes a save's content stands for.</summary>
    /// <exception cref="ApiException">400: no usable format, content that is not a string, or bad base64.</exception>
    public static byte[] Decode(JValue? content, string? format, string apiPath)
    {
        if (format is not ("text" or "base64"))
        {
            throw ApiException.BadRequest("Must specify format of file contents as 'text' or 'base64'");
        }

        if (content is not JString text)
        {
            throw ApiException.BadRequest($"Encoding error saving {apiPath}: the content of a file is a string, not {content?.TypeName ?? "missing"}");
        }

        return format == "text" ? text.Utf8.ToArray() : DecodeBase64(text.Utf8.Span, apiPath);
    }

    public static byte[] EncodeBase64Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = (bytes.Length + BytesPerLine - 1) / BytesPerLine;
        var output = new byte[Base64.GetMaxEncodedToUtf8Length(bytes.Length) + lines];
        var written = 0;
        for (var offset = 0; offset < bytes.Length; offset += BytesPerLine)
        {
            var chunk = bytes.Slice(offset, Math.Min(BytesPerLine, bytes.Length - offset));
            Base64.EncodeToUtf8(chunk, output.AsSpan(written), out _, out var encoded);
            written += encoded;
            output[written++] = (byte)'\n';
        }

        return output[..written];
    }

    // Line breaks and spaces are allowed (Python's encodebytes output has them); anything else outside the alphabet is
    // an error, where Python's lenient decoder would silently drop it and save different bytes.
    private static byte[] DecodeBase64(ReadOnlySpan<byte> utf8, string apiPath)
    {
        var rented = ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            var length = 0;
            foreach (var b in utf8)
            {
                if (b is not ((byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t'))
                {
                    rented[length++] = b;
                }
            }

            var output = new byte[Base64.GetMaxDecodedFromUtf8Length(length)];
            var status = Base64.DecodeFromUtf8(rented.AsSpan(0, length), output, out _, out var decoded);
            if (status != OperationStatus.Done)
            {
                throw ApiException.BadRequest($"Encoding error saving {apiPath}: the content is not valid base64");
            }

            return output[..decoded];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
