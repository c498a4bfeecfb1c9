using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Unicode;

namespace Quire.Notebook.Json;

/// <summary>
/// Parses UTF-8 JSON into <see cref="JValue"/>s. Strings without escapes are slices of the input (no copy), so the
/// caller must not change the buffer afterwards.
/// </summary>
public static class JsonParser
{
    /// <summary>
    /// Deepest nesting accepted. Python's <c>json</c> gives up near its recursion limit of 1000; nbformat's writer
    /// (pure-Python encoder, deepcopy) gives up well before that, so notebooks nested deeper are refused by both.
    /// </summary>
    public const int MaxDepth = 512;

    [ThreadStatic]
    private static List<ReadOnlyMemory<byte>>? _strings;

    [ThreadStatic]
    private static List<JObjectBuilder>? _builders;

    public static JValue Parse(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        if (span is [0xEF, 0xBB, 0xBF, ..])
        {
            // Python's json refuses a BOM ("Unexpected UTF-8 BOM"); so do we, rather than accept what Jupyter cannot open.
            throw new JsonSyntaxException("unexpected UTF-8 byte-order mark at the start of the file", 1, 1);
        }

        if (!Utf8.IsValid(span))
        {
            var (line, column) = LocateInvalidUtf8(span);
            throw new JsonSyntaxException("the file is not valid UTF-8", line, column);
        }

        try
        {
            return ParseValid(utf8, specials: null);
        }
        catch (JsonSyntaxException) when (PythonConstants.TryReplace(span, out var replaced, out var specials))
        {
            // Python's json reads NaN, Infinity and -Infinity (and nbformat writes them back): parse again with
            // number stand-ins of the same length, remembering where the constants stood.
            return ParseValid(replaced, specials);
        }
    }

    public static JValue Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static JValue ParseValid(ReadOnlyMemory<byte> utf8, Dictionary<long, JNumber>? specials)
    {
        var span = utf8.Span;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxException("the file is empty", 1, 1);
            }

            var value = ReadValue(ref reader, utf8, specials);
            if (reader.Read())
            {
                throw Syntax(ref reader, span, "extra data after the JSON value");
            }

            return value;
        }
        catch (JsonException ex)
        {
            throw new JsonSyntaxException(Describe(ex), (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
        }
        catch (InvalidOperationException ex)
        {
            // Raised by the reader for escapes that decode to invalid UTF-16 (a lone surrogate).
            throw Syntax(ref reader, span, ex.Message);
        }
    }

    private static JValue ReadValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> input, Dictionary<long, JNumber>? specials)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, input, specials);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, input, specials);
            case JsonTokenType.String:
                return ReadString(ref reader, input);
            case JsonTokenType.Number:
                return specials is not null && specials.TryGetValue(reader.TokenStartIndex, out var special)
                    ? special
                    : JNumber.FromJsonText(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return JLiteral.True;
            case JsonTokenType.False:
                return JLiteral.False;
            case JsonTokenType.Null:
                return JLiteral.Null;
            default:
                throw Syntax(ref reader, input.Span, $"unexpected {reader.TokenType}");
        }
    }

    private static JObject ReadObject(ref Utf8JsonReader reader, ReadOnlyMemory<byte> input, Dictionary<long, JNumber>? specials)
    {
        // One reusable builder per nesting depth: objects at the same depth are never open at the same time.
        var builders = _builders ??= [];
        var depth = reader.CurrentDepth;
        while (builders.Count <= depth)
        {
            builders.Add(new JObjectBuilder());
        }

        var builder = builders[depth];
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                builder.Set(key, ReadValue(ref reader, input, specials));
            }

            return builder.BuildAndReset();
        }
        catch
        {
            builder.BuildAndReset();
            throw;
        }
    }

    private static JArray ReadArray(ref Utf8JsonReader reader, ReadOnlyMemory<byte> input, Dictionary<long, JNumber>? specials)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return JArray.Empty;
        }

        // Arrays of strings (lines of text) are by far the most common: keep them as slices, with no object per line.
        // Reused: nothing but strings is read while it fills, so no nested array can need it at the same time.
        var strings = _strings ??= [];
        strings.Clear();
        while (reader.TokenType == JsonTokenType.String)
        {
            strings.Add(StringBytes(ref reader, input));
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                return new JArray([.. strings]);
            }
        }

        var items = ImmutableArray.CreateBuilder<JValue>(strings.Count + 4);
        foreach (var s in strings)
        {
            items.Add(JString.FromUtf8(s));
        }

        strings.Clear();

        do
        {
            items.Add(ReadValue(ref reader, input, specials));
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);

        return new JArray(items.DrainToImmutable());
    }

    private static JString ReadString(ref Utf8JsonReader reader, ReadOnlyMemory<byte> input) => JString.FromUtf8(StringBytes(ref reader, input));

    private static ReadOnlyMemory<byte> StringBytes(ref Utf8JsonReader reader, ReadOnlyMemory<byte> input)
    {
        if (!reader.ValueIsEscaped)
        {
            // The token starts at the opening quote; the value follows it.
            return input.Slice(checked((int)reader.TokenStartIndex + 1), reader.ValueSpan.Length);
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return buffer.AsMemory(0, written);
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }

    private static JsonSyntaxException Syntax(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, string reason)
    {
        var (line, column) = Locate(input, checked((int)reader.TokenStartIndex));
        return new JsonSyntaxException(reason, line, column);
    }

    private static (long Line, long Column) Locate(ReadOnlySpan<byte> input, int offset)
    {
        offset = Math.Clamp(offset, 0, input.Length);
        var before = input[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline);
    }

    private static (long Line, long Column) LocateInvalidUtf8(ReadOnlySpan<byte> input)
    {
        var offset = 0;
        while (offset < input.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(input[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        return Locate(input, offset);
    }
}
