using System.Text;

namespace Quire.Conversion.Html;

/// <summary>
/// A buffered UTF-8 writer straight to the output stream: markup as is, text HTML-escaped, and UTF-8 bytes (base64
/// images as the notebook holds them) copied through without decoding. Nothing is concatenated into big strings.
/// </summary>
internal sealed class HtmlWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;

    public HtmlWriter(Stream stream) => _stream = stream;

    /// <summary>Markup, written unescaped.</summary>
    public HtmlWriter Raw(ReadOnlySpan<char> markup)
    {
        while (!markup.IsEmpty)
        {
            // A char never takes more than 3 UTF-8 bytes; convert as much as fits, keeping surrogate pairs together.
            Ensure(Math.Min(markup.Length * 3, BufferSize));
            var room = (BufferSize - _used) / 3;
            var take = Math.Min(room, markup.Length);
            if (take < markup.Length && take > 0 && char.IsHighSurrogate(markup[take - 1]))
            {
                take--;
            }

            _used += Encoding.UTF8.GetBytes(markup[..take], _buffer.AsSpan(_used));
            markup = markup[take..];
        }

        return this;
    }

    /// <summary>UTF-8 markup, written unescaped.</summary>
    public HtmlWriter Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > BufferSize - _used)
        {
            Flush();
            if (utf8.Length > BufferSize)
            {
                _stream.Write(utf8);
                return this;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
        return this;
    }

    /// <summary>Text, escaped for element content and quoted attribute values.</summary>
    public HtmlWriter Text(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny("<>&\"'");
            if (special < 0)
            {
                return Raw(text);
            }

            Raw(text[..special]);
            Raw(text[special] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(special + 1)..];
        }

        return this;
    }

    /// <summary>Base64 from a notebook, with the newlines nbformat may have joined it with left out.</summary>
    public HtmlWriter Base64(ReadOnlySpan<byte> base64)
    {
        while (!base64.IsEmpty)
        {
            var end = base64.IndexOfAny("\n\r "u8);
            if (end < 0)
            {
                return Raw(base64);
            }

            Raw(base64[..end]);
            base64 = base64[(end + 1)..];
        }

        return this;
    }

    public void Flush()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    public void Dispose() => Flush();

    private void Ensure(int bytes)
    {
        if (BufferSize - _used < Math.Max(bytes, 3))
        {
            Flush();
        }
    }
}
