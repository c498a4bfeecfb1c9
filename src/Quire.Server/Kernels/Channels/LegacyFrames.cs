using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// jupyter_server's default ("legacy") kernel WebSocket protocol: a text frame holding the message as JSON
/// (<c>{channel, header, parent_header, metadata, content, …}</c>), or, when the message has buffers, a binary frame: a
/// big-endian u32 count <c>n</c> (the JSON plus the buffers), <c>n</c> big-endian u32 offsets from the frame's start, the
/// JSON (without <c>buffers</c>), then the buffers. The JSON parts are cut out of the frame as raw slices.
/// </summary>
internal static class LegacyFrames
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <exception cref="BadFrameException">The text is not a JSON message.</exception>
    public static IncomingFrame DecodeText(ReadOnlyMemory<byte> json) => DecodeJson(json, []);

    /// <exception cref="BadFrameException">The frame is not a well-formed binary message.</exception>
    public static IncomingFrame DecodeBinary(ReadOnlyMemory<byte> frame, int maxBuffers)
    {
        var span = frame.Span;
        if (span.Length < 4)
        {
            throw new BadFrameException($"binary frame of {span.Length} bytes is shorter than its 4-byte part count");
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (count < 1 || count > (uint)(1 + maxBuffers))
        {
            throw new BadFrameException($"binary frame declares {count} parts; between 1 and {1 + maxBuffers} (at most {maxBuffers} buffers) are allowed");
        }

        var n = (int)count;
        var tableEnd = 4 + (4 * n);
        if (span.Length < tableEnd)
        {
            throw new BadFrameException($"binary frame of {span.Length} bytes is truncated: its {n} offsets alone need {tableEnd}");
        }

        if (Offset(span, 0) != (uint)tableEnd)
        {
            throw new BadFrameException($"binary frame's first offset is {Offset(span, 0)}; it must be {tableEnd}, where the offset table ends");
        }

        for (var i = 1; i < n; i++)
        {
            if (Offset(span, i) < Offset(span, i - 1) || Offset(span, i) > (uint)span.Length)
            {
                throw new BadFrameException(
                    $"binary frame's offset {i} is {Offset(span, i)}; offsets must not decrease and must lie within the frame's {span.Length} bytes");
            }
        }

        var buffers = new ReadOnlyMemory<byte>[n - 1];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = Part(frame, span, i + 1, n);
        }

        return DecodeJson(Part(frame, span, 0, n), buffers);
    }

    /// <summary>
    /// The message as jupyter_server's <c>_reserialize_reply</c> writes it: a JSON text frame, or a binary frame when
    /// there are buffers. <paramref name="metadata"/> and <paramref name="content"/> are copied in as they are.
    /// </summary>
    public static (byte[] Data, bool IsText) Encode(
        string channel,
        ReadOnlySpan<byte> header,
        string msgId,
        string msgType,
        ReadOnlySpan<byte> parentHeader,
        ReadOnlySpan<byte> metadata,
        ReadOnlySpan<byte> content,
        IReadOnlyList<ReadOnlyMemory<byte>> buffers)
    {
        var json = new ArrayBufferWriter<byte>(header.Length + parentHeader.Length + metadata.Length + content.Length + 256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("header");
            writer.WriteRawValue(header);
            writer.WriteString("msg_id", msgId);
            writer.WriteString("msg_type", msgType);
            writer.WritePropertyName("parent_header");
            writer.WriteRawValue(parentHeader);
            writer.WritePropertyName("metadata");
            writer.WriteRawValue(metadata);
            writer.WritePropertyName("content");
            writer.WriteRawValue(content);
            if (buffers.Count == 0)
            {
                writer.WriteStartArray("buffers");
                writer.WriteEndArray();
            }

            writer.WriteString("channel", channel);
            writer.WriteEndObject();
        }

        if (buffers.Count == 0)
        {
            return (json.WrittenSpan.ToArray(), true);
        }

        var n = 1 + buffers.Count;
        var tableEnd = 4 + (4 * n);
        long total = tableEnd + json.WrittenCount;
        foreach (var buffer in buffers)
        {
            total += buffer.Length;
        }

        var frame = new byte[checked((int)total)];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)n);
        var position = tableEnd;
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)position);
        json.WrittenSpan.CopyTo(span[position..]);
        position += json.WrittenCount;
        for (var i = 0; i < buffers.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(4 * (i + 2))..], (uint)position);
            buffers[i].Span.CopyTo(span[position..]);
            position += buffers[i].Length;
        }

        return (frame, false);
    }

    private static IncomingFrame DecodeJson(ReadOnlyMemory<byte> json, IReadOnlyList<ReadOnlyMemory<byte>> buffers)
    {
        string? channel = null;
        ReadOnlyMemory<byte> header = default, parent = default, metadata = default, content = default;
        try
        {
            var reader = new Utf8JsonReader(json.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new BadFrameException("the message is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    channel = reader.TokenType == JsonTokenType.String ? Shorten(reader.GetString()!) : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("header"u8))
                {
                    header = RawValue(ref reader, json);
                }
                else if (reader.ValueTextEquals("parent_header"u8))
                {
                    parent = RawValue(ref reader, json);
                }
                else if (reader.ValueTextEquals("metadata"u8))
                {
                    metadata = RawValue(ref reader, json);
                }
                else if (reader.ValueTextEquals("content"u8))
                {
                    content = RawValue(ref reader, json);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new BadFrameException("the message is not one JSON object");
            }
        }
        catch (JsonException ex)
        {
            throw new BadFrameException($"the message is not valid JSON: {ex.Message}", ex);
        }

        return new IncomingFrame(channel, header, parent, metadata, content, buffers);
    }

    // The value after the current property name, as the slice of the input it occupies; null counts as absent.
    private static ReadOnlyMemory<byte> RawValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static uint Offset(ReadOnlySpan<byte> span, int index) => BinaryPrimitives.ReadUInt32BigEndian(span[(4 + (4 * index))..]);

    private static ReadOnlyMemory<byte> Part(ReadOnlyMemory<byte> frame, ReadOnlySpan<byte> span, int index, int count)
    {
        var start = (int)Offset(span, index);
        var end = index + 1 < count ? (int)Offset(span, index + 1) : span.Length;
        return frame[start..end];
    }

    private static string Shorten(string name) => name.Length <= 32 ? name : name[..32];
}
