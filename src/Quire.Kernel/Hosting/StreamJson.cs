using System.Buffers;
using System.Text;

namespace Quire.Kernel.Hosting;

/// <summary>
/// The UTF-8 JSON content of a <c>stream</c> message, <c>{"name": ..., "text": ...}</c>, written straight from the
/// text's pieces: a cell printing hundreds of megabytes goes out without joining the pieces into one string or
/// passing it through the serializer. Escapes what JSON requires and nothing else (quote, backslash, control
/// characters), as Python's <c>json.dumps(ensure_ascii=False)</c> does; unpaired surrogates become U+FFFD.
/// </summary>
internal static class StreamJson
{
    public static ReadOnlyMemory<byte> Encode(string name, IReadOnlyList<ReadOnlyMemory<char>> text)
    {
        var chars = 0L;
        foreach (var piece in text)
        {
            chars += piece.Length;
        }

        // Room for ASCII with a few escapes; a buffer that turns out too small grows once or twice.
        var output = new ArrayBufferWriter<byte>((int)Math.Min(Array.MaxLength, chars + (chars / 16) + name.Length + 32));
        output.Write("{\"name\":"u8);
        WriteString(output, [name.AsMemory()]);
        output.Write(",\"text\":"u8);
        WriteString(output, text);
        output.Write("}"u8);
        return output.WrittenMemory;
    }

    private static void WriteString(ArrayBufferWriter<byte> output, IReadOnlyList<ReadOnlyMemory<char>> pieces)
    {
        // One encoder across the pieces: a surrogate pair split between two of them is still one character.
        var encoder = Encoding.UTF8.GetEncoder();
        output.Write("\""u8);
        foreach (var piece in pieces)
        {
            var rest = piece.Span;
            while (!rest.IsEmpty)
            {
                var plain = NextToEscape(rest);
                Transcode(output, encoder, plain < 0 ? rest : rest[..plain], flush: plain >= 0);
                if (plain < 0)
                {
                    break;
                }

                Escape(output, rest[plain]);
                rest = rest[(plain + 1)..];
            }
        }

        Transcode(output, encoder, [], flush: true);
        output.Write("\""u8);
    }

    /// <summary>
    /// The first quote, backslash or control character. Two plain vectorised searches rather than one over a set of
    /// 34 characters: the set's generic search is not precompiled and ran unoptimised for the first thousands of calls.
    /// </summary>
    private static int NextToEscape(ReadOnlySpan<char> text)
    {
        var control = text.IndexOfAnyInRange('\u0000', '\u001f');
        var quote = (control < 0 ? text : text[..control]).IndexOfAny('"', '\\');
        return quote >= 0 ? quote : control;
    }

    private static void Transcode(ArrayBufferWriter<byte> output, Encoder encoder, ReadOnlySpan<char> run, bool flush)
    {
        // In slices, so that a long run never asks the buffer for three bytes per character at once.
        const int Slice = 16 * 1024;
        do
        {
            var slice = run[..Math.Min(run.Length, Slice)];
            var last = slice.Length == run.Length;
            encoder.Convert(slice, output.GetSpan(Encoding.UTF8.GetMaxByteCount(slice.Length)), flush && last, out var used, out var written, out _);
            output.Advance(written);
            run = run[used..];
        }
        while (!run.IsEmpty);
    }

    private static void Escape(ArrayBufferWriter<byte> output, char c)
    {
        ReadOnlySpan<byte> escaped = c switch
        {
            '"' => "\\\""u8,
            '\\' => "\\\\"u8,
            '\n' => "\\n"u8,
            '\r' => "\\r"u8,
            '\t' => "\\t"u8,
            '\b' => "\\b"u8,
            '\f' => "\\f"u8,
            _ => default,
        };
        if (!escaped.IsEmpty)
        {
            output.Write(escaped);
            return;
        }

        var span = output.GetSpan(6);
        "\\u00"u8.CopyTo(span);
        span[4] = (byte)"0123456789abcdef"[c >> 4];
        span[5] = (byte)"0123456789abcdef"[c & 0xF];
        output.Advance(6);
    }
}
