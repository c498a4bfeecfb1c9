using System.Buffers.Binary;
using System.Text;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// The <c>v1.kernel.websocket.jupyter.org</c> frame: a little-endian u64 offset count <c>n</c>, <c>n</c> u64 offsets
/// from the frame's start, then channel | header | parent_header | metadata | content | buffer_0 …, the last offset
/// being the frame's length (so <c>n</c> = 6 + buffers). Decoding trusts nothing: the count is bounded before any offset
/// is read, every offset is checked against the frame, and nothing is allocated from a value the client chose.
/// </summary>
internal static class V1Frames
{
    /// <summary>Offsets of a message without buffers: channel, four JSON parts, and the end.</summary>
    public const int MinOffsets = 6;

    /// <exception cref="BadFrameException">The frame is not a well-formed v1 message.</exception>
    public static IncomingFrame Decode(ReadOnlyMemory<byte> frame, int maxBuffers)
    {
        var span = frame.Span;
        if (span.Length < 8)
        {
            throw new BadFrameException($"v1 frame of {span.Length} bytes is shorter than its 8-byte offset count");
        }

        var count = BinaryPrimitives.ReadUInt64LittleEndian(span);
        var maxOffsets = (ulong)(MinOffsets + maxBuffers);
        if (count < MinOffsets || count > maxOffsets)
        {
            throw new BadFrameException($"v1 frame declares {count} offsets; between {MinOffsets} and {maxOffsets} (at most {maxBuffers} buffers) are allowed");
        }

        var n = (int)count;
        var tableEnd = 8 + (8 * n);
        if (span.Length < tableEnd)
        {
            throw new BadFrameException($"v1 frame of {span.Length} bytes is truncated: its {n} offsets alone need {tableEnd}");
        }

        var previous = Offset(span, 0);
        if (previous != (ulong)tableEnd)
        {
            throw new BadFrameException($"v1 frame's first offset is {previous}; it must be {tableEnd}, where the offset table ends");
        }

        for (var i = 1; i < n; i++)
        {
            var offset = Offset(span, i);
            if (offset < previous || offset > (ulong)span.Length)
            {
                throw new BadFrameException(
                    $"v1 frame's offset {i} is {offset}; offsets must not decrease and must lie within the frame's {span.Length} bytes");
            }

            previous = offset;
        }

        if (previous != (ulong)span.Length)
        {
            throw new BadFrameException($"v1 frame's last offset is {previous}, but the frame is {span.Length} bytes long (truncated or padded)");
        }

        var channel = Part(frame, span, 0);
        var buffers = n == MinOffsets ? [] : new ReadOnlyMemory<byte>[n - MinOffsets];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = Part(frame, span, 5 + i);
        }

        return new IncomingFrame(
            ChannelName(channel.Span),
            Part(frame, span, 1),
            Part(frame, span, 2),
            Part(frame, span, 3),
            Part(frame, span, 4),
            buffers);
    }

    /// <summary>One frame for the parts; the buffers are copied in after the JSON parts.</summary>
    public static byte[] Encode(
        string channel,
        ReadOnlySpan<byte> header,
        ReadOnlySpan<byte> parentHeader,
        ReadOnlySpan<byte> metadata,
        ReadOnlySpan<byte> content,
        IReadOnlyList<ReadOnlyMemory<byte>> buffers)
    {
        var count = MinOffsets + buffers.Count;
        var tableEnd = 8 + (8 * count);
        long total = tableEnd + channel.Length + header.Length + parentHeader.Length + metadata.Length + content.Length;
        foreach (var buffer in buffers)
        {
            total += buffer.Length;
        }

        var frame = new byte[total];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)count);
        var position = tableEnd;
        var index = 0;
        WriteOffset(span, index++, position);
        position += Encoding.ASCII.GetBytes(channel, span[position..]);
        position = Append(span, index++, position, header);
        position = Append(span, index++, position, parentHeader);
        position = Append(span, index++, position, metadata);
        position = Append(span, index++, position, content);

        foreach (var buffer in buffers)
        {
            position = Append(span, index++, position, buffer.Span);
        }

        WriteOffset(span, index, position);
        return frame;
    }

    private static int Append(Span<byte> frame, int index, int position, ReadOnlySpan<byte> part)
    {
        WriteOffset(frame, index, position);
        part.CopyTo(frame[position..]);
        return position + part.Length;
    }

    private static ulong Offset(ReadOnlySpan<byte> span, int index) => BinaryPrimitives.ReadUInt64LittleEndian(span[(8 + (8 * index))..]);

    private static void WriteOffset(Span<byte> span, int index, int value) => BinaryPrimitives.WriteUInt64LittleEndian(span[(8 + (8 * index))..], (ulong)value);

    // Offsets were checked against the frame's length, so they fit in an int.
    private static ReadOnlyMemory<byte> Part(ReadOnlyMemory<byte> frame, ReadOnlySpan<byte> span, int index)
    {
        var start = (int)Offset(span, index);
        var end = (int)Offset(span, index + 1);
        return frame[start..end];
    }

    private static string ChannelName(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("shell"u8) => ChannelNames.Shell,
        _ when name.SequenceEqual("control"u8) => ChannelNames.Control,
        _ when name.SequenceEqual("stdin"u8) => ChannelNames.Stdin,
        _ when name.SequenceEqual("iopub"u8) => ChannelNames.IOPub,
        // jupyter_server ignores a message on an unknown channel (with a warning) rather than dropping the connection.
        _ => Printable(name),
    };

    private static string Printable(ReadOnlySpan<byte> name)
    {
        var text = Encoding.UTF8.GetString(name[..Math.Min(name.Length, 32)]);
        return new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
