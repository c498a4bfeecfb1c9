using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// The test client's own encoder and decoder of both kernel WebSocket protocols, written from
/// jupyter_server's websocket-protocols document independently of the server's, so that a shared mistake cannot pass.
/// </summary>
internal static class TestFrames
{
    public static byte[] EncodeV1(string channel, params byte[][] parts)
    {
        var all = new List<byte[]> { Encoding.UTF8.GetBytes(channel) };
        all.AddRange(parts);
        var count = all.Count + 1;
        var frame = new byte[8 + (8 * count) + all.Sum(p => p.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, (ulong)count);
        var position = 8 + (8 * count);
        for (var i = 0; i < all.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 + (8 * i)), (ulong)position);
            all[i].CopyTo(frame, position);
            position += all[i].Length;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 + (8 * all.Count)), (ulong)position);
        return frame;
    }

    public static byte[] EncodeLegacyBinary(byte[] json, IReadOnlyList<byte[]> buffers)
    {
        var parts = new List<byte[]> { json };
        parts.AddRange(buffers);
        var n = parts.Count;
        var frame = new byte[4 + (4 * n) + parts.Sum(p => p.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)n);
        var position = 4 + (4 * n);
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4 + (4 * i)), (uint)position);
            parts[i].CopyTo(frame, position);
            position += parts[i].Length;
        }

        return frame;
    }

    public static ReceivedMessage DecodeV1(byte[] frame)
    {
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(frame);
        var offsets = Enumerable.Range(0, n).Select(i => (int)BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(8 + (8 * i)))).ToArray();
        Assert.Equal(8 + (8 * n), offsets[0]);
        Assert.Equal(frame.Length, offsets[^1]);
        var parts = Enumerable.Range(0, n - 1).Select(i => frame[offsets[i]..offsets[i + 1]]).ToArray();
        return new ReceivedMessage(
            Encoding.UTF8.GetString(parts[0]), Parse(parts[1]), Parse(parts[2]), Parse(parts[3]), Parse(parts[4]), parts[5..], WasText: false);
    }

    public static ReceivedMessage DecodeLegacy(byte[] data, bool text)
    {
        if (text)
        {
            return FromJson(Parse(data), [], wasText: true);
        }

        var n = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
        var offsets = Enumerable.Range(0, n).Select(i => (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4 + (4 * i)))).Append(data.Length).ToArray();
        var parts = Enumerable.Range(0, n).Select(i => data[offsets[i]..offsets[i + 1]]).ToArray();
        return FromJson(Parse(parts[0]), parts[1..], wasText: false);
    }

    private static ReceivedMessage FromJson(JsonElement json, IReadOnlyList<byte[]> buffers, bool wasText) => new(
        json.GetProperty("channel").GetString()!,
        json.GetProperty("header"),
        json.GetProperty("parent_header"),
        json.GetProperty("metadata"),
        json.GetProperty("content"),
        buffers,
        wasText);

    private static JsonElement Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
