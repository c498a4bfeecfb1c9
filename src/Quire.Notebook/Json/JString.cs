using System.Text;

namespace Quire.Notebook.Json;

/// <summary>
/// A JSON string. It is held as unescaped UTF-8, often a slice of the file that was read, so that a large output
/// (a base64 image, a long stream) costs no copy and no UTF-16 transcoding unless someone asks for its text.
/// </summary>
public sealed class JString : JValue
{
    private string? _value;

    private JString(ReadOnlyMemory<byte> utf8, string? value)
    {
        Utf8 = utf8;
        _value = value;
    }

    public static JString Empty { get; } = new(ReadOnlyMemory<byte>.Empty, string.Empty);

    public override JKind Kind => JKind.String;

    /// <summary>The unescaped UTF-8 bytes of the string.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The string's text, decoded once on first use.</summary>
    public string Value => _value ??= Encoding.UTF8.GetString(Utf8.Span);

    public int Utf8Length => Utf8.Length;

    public static JString From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 ? Empty : new JString(Encoding.UTF8.GetBytes(value), value);
    }

    /// <summary>Wraps UTF-8 bytes that the caller guarantees are valid UTF-8 and will not change.</summary>
    public static JString FromUtf8(ReadOnlyMemory<byte> utf8) => utf8.Length == 0 ? Empty : new JString(utf8, null);

    public bool ValueEquals(string other) => _value is not null ? string.Equals(_value, other, StringComparison.Ordinal) : Value == other;

    public override string ToString() => Value;
}
