using System.Text;

namespace Quire.Notebook.Json;

/// <summary>
/// A JSON string. It is held as unescaped UTF-8, often a slice of the file that was read, so that a large output
/// (a base64 image, a long stream) costs no copy and no UTF-16 transcoding unless someone asks for its text. Text that
/// nbformat joins from a list of lines is kept as those lines until its bytes are needed, and a writer that splits it
/// again into the same lines never joins it at all.
/// </summary>
public sealed class JString : JValue
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly ReadOnlyMemory<byte>[]? _segments;
    private byte[]? _joined;
    private string? _value;

    private JString(ReadOnlyMemory<byte> utf8, string? value)
    {
        _utf8 = utf8;
        _value = value;
        Utf8Length = utf8.Length;
    }

    private JString(ReadOnlyMemory<byte>[] segments)
    {
        _segments = segments;
        foreach (var segment in segments)
        {
            Utf8Length += segment.Length;
        }
    }

    public static JString Empty { get; } = new(ReadOnlyMemory<byte>.Empty, string.Empty);

    public override JKind Kind => JKind.String;

    /// <summary>The unescaped UTF-8 bytes of the string.</summary>
    public ReadOnlyMemory<byte> Utf8 => _segments is null ? _utf8 : _joined ??= Concat(_segments, Utf8Length);

    /// <summary>The string's text, decoded once on first use.</summary>
    public string Value => _value ??= Encoding.UTF8.GetString(Utf8.Span);

    public int Utf8Length { get; }

    /// <summary>The parts this string was joined from, while it has not been joined yet.</summary>
    internal ReadOnlyMemory<byte>[]? Segments => _joined is null ? _segments : null;

    public static JString From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 ? Empty : new JString(Encoding.UTF8.GetBytes(value), value);
    }

    /// <summary>Wraps UTF-8 bytes that the caller guarantees are valid UTF-8 and will not change.</summary>
    public static JString FromUtf8(ReadOnlyMemory<byte> utf8) => utf8.Length == 0 ? Empty : new JString(utf8, null);

    /// <summary>The concatenation of UTF-8 parts (each valid UTF-8, none changing), joined lazily.</summary>
    internal static JString Concatenation(ReadOnlyMemory<byte>[] segments) => segments.Length switch
    {
        0 => Empty,
        1 => FromUtf8(segments[0]),
        _ => new JString(segments),
    };

    public bool ValueEquals(string other) => _value is not null ? string.Equals(_value, other, StringComparison.Ordinal) : Value == other;

    public override string ToString() => Value;

    private static byte[] Concat(ReadOnlyMemory<byte>[] parts, int total)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(total);
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(buffer.AsSpan(offset));
            offset += part.Length;
        }

        return buffer;
    }
}
