using System.Buffers.Binary;
using System.Text;
using Quire.Server.Kernels.Channels;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

public sealed class FrameCodecTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"msg_id": "m1", "session": "s", "msg_type": "comm_msg", "username": "u", "date": "", "version": "5.3"}""");
    private static readonly byte[] Parent = Encoding.UTF8.GetBytes("{}");
    private static readonly byte[] Metadata = Encoding.UTF8.GetBytes("""{"cellId": "c"}""");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("""{"comm_id": "x", "data": {"ü": 1}}""");

    [Fact]
    public void V1_DecodesWhatTheTestClientEncodes_PartsAsRawSlices()
    {
        var frame = TestFrames.EncodeV1("shell", Header, Parent, Metadata, Content, [9, 8], []);

        var decoded = V1Frames.Decode(frame, maxBuffers: 4);

        Assert.Equal("shell", decoded.Channel);
        Assert.Equal(Header, decoded.Header.ToArray());
        Assert.Equal(Content, decoded.Content.ToArray());
        Assert.Equal([[9, 8], []], decoded.Buffers.Select(b => b.ToArray()));
    }

    [Fact]
    public void V1_EncodesAsJupyterServerDoes_SixOffsetsAndFirstAt56()
    {
        var frame = V1Frames.Encode("iopub", Header, Parent, Metadata, Content, []);

        Assert.Equal(6UL, BinaryPrimitives.ReadUInt64LittleEndian(frame));
        Assert.Equal(56UL, BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(8)));
        var decoded = TestFrames.DecodeV1(frame);
        Assert.Equal("iopub", decoded.Channel);
        Assert.Equal("x", decoded.Text("comm_id"));
    }

    [Fact]
    public void V1_TooManyBuffers_IsRefused()
    {
        var frame = TestFrames.EncodeV1("shell", Header, Parent, Metadata, Content, [1], [2], [3]);

        var ex = Assert.Throws<BadFrameException>(() => V1Frames.Decode(frame, maxBuffers: 2));

        Assert.Contains("at most 2 buffers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V1_HostileOffsetCount_IsRefusedWithoutAllocatingFromIt()
    {
        var frame = new byte[64];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, (1UL << 62) + 7);
        for (var i = 0; i < 10; i++)
        {
            Assert.Throws<BadFrameException>(() => V1Frames.Decode(frame, 256));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<BadFrameException>(() => V1Frames.Decode(frame, 256));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The exception and its message; nothing sized by the claimed 2^62 offsets.
        Assert.True(allocated < 8 * 1024, $"refusing a frame claiming 2^62 offsets allocated {allocated} bytes");
    }

    [Fact]
    public void V1_HostileOffsets_AreRefusedWithoutAllocatingFromThem()
    {
        var frame = new byte[56];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, 6);
        ulong[] offsets = [56, 56, 56, 56, 56, ulong.MaxValue];
        for (var i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 + (8 * i)), offsets[i]);
        }

        Assert.Throws<BadFrameException>(() => V1Frames.Decode(frame, 256));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<BadFrameException>(() => V1Frames.Decode(frame, 256));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("within the frame", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8 * 1024, $"refusing an offset of 2^64-1 allocated {allocated} bytes");
    }

    [Fact]
    public void Legacy_TextAndBinary_DecodeToRawSlices()
    {
        var json = Encoding.UTF8.GetBytes(
            $$"""{"channel": "control", "header": {{Encoding.UTF8.GetString(Header)}}, "parent_header": null, "metadata": {}, "content": {"a": [1, {"b": 2}]}, "buffers": []}""");

        var text = LegacyFrames.DecodeText(json);
        var binary = LegacyFrames.DecodeBinary(TestFrames.EncodeLegacyBinary(json, [[7, 7, 7]]), maxBuffers: 4);

        Assert.Equal("control", text.Channel);
        Assert.Equal("""{"a": [1, {"b": 2}]}""", Encoding.UTF8.GetString(text.Content.Span));
        Assert.True(text.ParentHeader.IsEmpty);
        Assert.Equal(Header, binary.Header.ToArray());
        Assert.Equal([7, 7, 7], Assert.Single(binary.Buffers).ToArray());
    }

    [Fact]
    public void Legacy_EncodesTextWithoutBuffers_AndBigEndianBinaryWithThem()
    {
        var (text, isText) = LegacyFrames.Encode("iopub", Header, "m1", "comm_msg", Parent, Metadata, Content, []);
        var (binary, isBinaryText) = LegacyFrames.Encode("iopub", Header, "m1", "comm_msg", Parent, Metadata, Content, [new byte[] { 1, 2 }]);

        Assert.True(isText);
        var fromText = TestFrames.DecodeLegacy(text, text: true);
        Assert.Equal("iopub", fromText.Channel);
        Assert.Contains("\"msg_type\":\"comm_msg\"", Encoding.UTF8.GetString(text), StringComparison.Ordinal);
        Assert.False(isBinaryText);
        Assert.Equal(2U, BinaryPrimitives.ReadUInt32BigEndian(binary));
        var fromBinary = TestFrames.DecodeLegacy(binary, text: false);
        Assert.Equal([1, 2], Assert.Single(fromBinary.Buffers));
        Assert.Equal("x", fromBinary.Text("comm_id"));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 2, 0, 0, 0, 12, 0, 0, 0, 11 }, "must not decrease")]
    [InlineData(new byte[] { 0, 0, 0, 1, 0, 0, 0, 4 }, "first offset")]
    [InlineData(new byte[] { 0, 0, 0, 9, 0, 0, 0, 4 }, "truncated")]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "parts")]
    public void Legacy_BadBinary_IsRefused(byte[] frame, string reason)
    {
        var ex = Assert.Throws<BadFrameException>(() => LegacyFrames.DecodeBinary(frame, maxBuffers: 16));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
