using System.Buffers;
using System.Text;

namespace Quire.Notebook.Json;

/// <summary>
/// Writes JSON byte for byte as Python's <c>json.dumps(obj, indent=1, sort_keys=True, separators=(",", ": "),
/// ensure_ascii=False)</c>: the layout nbformat uses for every notebook it saves.
/// </summary>
public sealed class PythonJsonWriter : IDisposable
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(BuildEscapeSet());
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    private readonly Stream _stream;
    private readonly int _indent;
    private byte[] _buffer;
    private int _position;

    /// <param name="stream">Where the bytes go; not disposed.</param>
    /// <param name="indent">Spaces per level (nbformat uses 1); negative for compact output with Python's ", " and ": ".</param>
    public PythonJsonWriter(Stream stream, int indent = 1)
    {
        _stream = stream;
        _indent = indent;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    public static byte[] ToUtf8(JValue value, int indent = 1)
    {
        using var ms = new ChunkedBuffer();
        using (var writer = new PythonJsonWriter(ms, indent))
        {
            writer.Write(value);
            writer.Flush();
        }

        return ms.ToArray();
    }

    public static string ToText(JValue value, int indent = 1) => Encoding.UTF8.GetString(ToUtf8(value, indent));

    public void Write(JValue value) => WriteValue(value, 0);

    public void WriteRaw(ReadOnlySpan<byte> bytes) => Append(bytes);

    public void Flush()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }

        _stream.Flush();
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void WriteValue(JValue value, int level)
    {
        switch (value)
        {
            case JString s:
                WriteString(s.Utf8.Span);
                break;
            case JNumber n:
                WriteNumber(n);
                break;
            case JObject o:
                WriteObject(o, level);
                break;
            case JArray a:
                WriteArray(a, level);
                break;
            default:
                Append(value.Kind switch
                {
                    JKind.True => "true"u8,
                    JKind.False => "false"u8,
                    _ => "null"u8,
                });
                break;
        }
    }

    private void WriteArray(JArray array, int level)
    {
        if (array.Count == 0)
        {
            Append("[]"u8);
            return;
        }

        // Lines of text are written from their UTF-8 slices, without creating an object per line.
        var segments = array.StringSegments;
        var items = segments is null ? array.Items : default;
        Append((byte)'[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                Append((byte)',');
                if (_indent < 0)
                {
                    Append((byte)' ');
                }
            }

            NewLine(level + 1);
            if (segments is not null)
            {
                WriteString(segments[i].Span);
            }
            else
            {
                WriteValue(items[i], level + 1);
            }
        }

        NewLine(level);
        Append((byte)']');
    }

    private void WriteObject(JObject obj, int level)
    {
        if (obj.Count == 0)
        {
            Append("{}"u8);
            return;
        }

        var properties = obj.Properties;
        // Objects in notebooks are small: sort their indexes in place, without allocating.
        Span<int> order = properties.Length <= 64 ? stackalloc int[properties.Length] : new int[properties.Length];
        SortedOrder(properties, order);
        Append((byte)'{');
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                Append((byte)',');
                if (_indent < 0)
                {
                    Append((byte)' ');
                }
            }

            NewLine(level + 1);
            var (key, value) = properties[order[i]];
            WriteKey(key);
            Append(": "u8);
            WriteValue(value, level + 1);
        }

        NewLine(level);
        Append((byte)'}');
    }

    private static void SortedOrder(System.Collections.Immutable.ImmutableArray<KeyValuePair<string, JValue>> properties, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var comparer = CodePointComparer.Instance;
        if (order.Length > 16)
        {
            // Keys are unique, so an unstable sort gives the one order.
            var keys = properties.Select(p => p.Key).ToArray();
            keys.AsSpan().Sort(order, comparer);
            return;
        }

        // Insertion sort: allocation-free, and fastest for the handful of keys notebook objects have.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var key = properties[current].Key;
            var j = i - 1;
            while (j >= 0 && comparer.Compare(properties[order[j]].Key, key) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }
    }

    private void WriteKey(string key)
    {
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (max <= 256)
        {
            Span<byte> bytes = stackalloc byte[max];
            var count = Encoding.UTF8.GetBytes(key, bytes);
            WriteString(bytes[..count]);
        }
        else
        {
            WriteString(Encoding.UTF8.GetBytes(key));
        }
    }

    private void WriteNumber(JNumber number)
    {
        string text;
        if (number.IsInteger)
        {
            // Python reads "-0" as the int 0 and writes it back as "0".
            text = number.Text is "-0" ? "0" : number.Text;
        }
        else
        {
            text = PythonFloat.Repr(number.ToDouble());
        }

        // Number text is ASCII; a huge integer (Python limits them, we do not) must not go on the stack.
        if (text.Length > 128)
        {
            Append(Encoding.ASCII.GetBytes(text));
            return;
        }

        Span<byte> bytes = stackalloc byte[text.Length];
        var count = Encoding.ASCII.GetBytes(text, bytes);
        Append(bytes[..count]);
    }

    private void WriteString(ReadOnlySpan<byte> utf8)
    {
        Append((byte)'"');
        while (!utf8.IsEmpty)
        {
            var i = utf8.IndexOfAny(NeedsEscape);
            if (i < 0)
            {
                Append(utf8);
                break;
            }

            Append(utf8[..i]);
            AppendEscape(utf8[i]);
            utf8 = utf8[(i + 1)..];
        }

        Append((byte)'"');
    }

    private void AppendEscape(byte b)
    {
        switch (b)
        {
            case (byte)'"': Append("\\\""u8); break;
            case (byte)'\\': Append("\\\\"u8); break;
            case (byte)'\n': Append("\\n"u8); break;
            case (byte)'\r': Append("\\r"u8); break;
            case (byte)'\t': Append("\\t"u8); break;
            case 0x08: Append("\\b"u8); break;
            case 0x0C: Append("\\f"u8); break;
            default:
                Span<byte> u = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex[b >> 4], Hex[b & 0xF]];
                Append(u);
                break;
        }
    }

    private void NewLine(int level)
    {
        if (_indent < 0)
        {
            return;
        }

        EnsureCapacity(1 + (level * _indent));
        _buffer[_position++] = (byte)'\n';
        _buffer.AsSpan(_position, level * _indent).Fill((byte)' ');
        _position += level * _indent;
    }

    private void Append(byte b)
    {
        EnsureCapacity(1);
        _buffer[_position++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _position)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    private void EnsureCapacity(int count)
    {
        if (_buffer.Length - _position < count)
        {
            Drain();
            if (_buffer.Length < count)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(count);
            }
        }
    }

    private void Drain()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    private static byte[] BuildEscapeSet()
    {
        var set = new List<byte> { (byte)'"', (byte)'\\' };
        for (var b = 0; b < 0x20; b++)
        {
            set.Add((byte)b);
        }

        return [.. set];
    }
}
