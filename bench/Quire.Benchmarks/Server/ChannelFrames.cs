using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Quire.Benchmarks.Server;

/// <summary>What the benchmark reads of a kernel message from the WebSocket.</summary>
/// <param name="Channel">shell, iopub, control or stdin.</param>
/// <param name="MsgType">The header's <c>msg_type</c>.</param>
/// <param name="ParentMsgId">The parent header's <c>msg_id</c> (null when it has none).</param>
/// <param name="State">A reply's <c>status</c> or a status message's <c>execution_state</c>; null for other messages.</param>
internal sealed record ChannelMessage(string Channel, string MsgType, string? ParentMsgId, string? State);

/// <summary>
/// The two kernel WebSocket encodings (jupyter_server's <c>websocket-protocols.rst</c>): the legacy protocol's JSON
/// text frames, and <c>v1.kernel.websocket.jupyter.org</c>'s binary frames (u64 offset count, u64 offsets, channel,
/// header, parent_header, metadata, content, buffers).
/// </summary>
internal static class ChannelFrames
{
    public static byte[] EncodeLegacy(string channel, string header, string content) =>
        Encoding.UTF8.GetBytes($$"""{"channel": "{{channel}}", "header": {{header}}, "parent_header": {}, "metadata": {}, "content": {{content}}, "buffers": []}""");

    public static byte[] EncodeV1(string channel, string header, string content)
    {
        byte[][] parts = [Encoding.UTF8.GetBytes(channel), Encoding.UTF8.GetBytes(header), "{}"u8.ToArray(), "{}"u8.ToArray(), Encoding.UTF8.GetBytes(content)];
        var count = parts.Length + 1;
        var frame = new byte[(8 * (count + 1)) + parts.Sum(p => p.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, (ulong)count);
        var offset = 8 * (count + 1);
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 * (i + 1)), (ulong)offset);
            parts[i].CopyTo(frame, offset);
            offset += parts[i].Length;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 * count), (ulong)offset);
        return frame;
    }

    public static ChannelMessage DecodeLegacy(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        using var message = JsonDocument.ParseValue(ref reader);
        var root = message.RootElement;
        var channel = root.GetProperty("channel").GetString() ?? string.Empty;
        var msgType = root.GetProperty("header").GetProperty("msg_type").GetString() ?? string.Empty;
        var parent = root.TryGetProperty("parent_header", out var p) && p.TryGetProperty("msg_id", out var id) ? id.GetString() : null;
        return new ChannelMessage(channel, msgType, parent, State(msgType, root.GetProperty("content")));
    }

    public static ChannelMessage DecodeV1(ReadOnlySpan<byte> frame)
    {
        var count = (int)BinaryPrimitives.ReadUInt64LittleEndian(frame);
        if (count < 6 || frame.Length < 8 * (count + 1))
        {
            throw new InvalidDataException($"a v1 frame of {frame.Length} bytes declares {count} offsets");
        }

        var channel = Encoding.UTF8.GetString(Part(frame, 0));
        string msgType;
        using (var header = Parse(Part(frame, 1)))
        {
            msgType = header.RootElement.GetProperty("msg_type").GetString() ?? string.Empty;
        }

        string? parent;
        using (var parentHeader = Parse(Part(frame, 2)))
        {
            parent = parentHeader.RootElement.TryGetProperty("msg_id", out var id) ? id.GetString() : null;
        }

        string? state = null;
        if (IsStateful(msgType))
        {
            using var content = Parse(Part(frame, 4));
            state = State(msgType, content.RootElement);
        }

        return new ChannelMessage(channel, msgType, parent, state);
    }

    private static bool IsStateful(string msgType) => msgType == "status" || msgType.EndsWith("_reply", StringComparison.Ordinal);

    private static string? State(string msgType, JsonElement content) =>
        !IsStateful(msgType) ? null
        : content.TryGetProperty(msgType == "status" ? "execution_state" : "status", out var value) ? value.GetString() : null;

    private static ReadOnlySpan<byte> Part(ReadOnlySpan<byte> frame, int index)
    {
        var start = (int)BinaryPrimitives.ReadUInt64LittleEndian(frame[(8 * (index + 1))..]);
        var end = (int)BinaryPrimitives.ReadUInt64LittleEndian(frame[(8 * (index + 2))..]);
        return frame[start..end];
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonDocument.ParseValue(ref reader);
    }
}
