using System.Runtime.InteropServices;
using System.Text;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;

namespace Quire.Messaging.Tests.Wire;

public sealed class WireCodecTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static WireCodec NewCodec(string key = Key) => new(MessageSigner.FromKey(key), new ReplayGuard());

    private static JupyterMessage NewMessage(IReadOnlyList<ReadOnlyMemory<byte>>? buffers = null)
    {
        var session = new MessageSession();
        var request = session.CreateRaw("execute_request", """{"code":"print(1)"}"""u8.ToArray());
        return session.CreateRaw("execute_reply", """{"status":"ok","execution_count":1}"""u8.ToArray(), request, """{"m":1}"""u8.ToArray(), buffers);
    }

    private static MessageRejectedException Rejected(WireCodec codec, IReadOnlyList<ReadOnlyMemory<byte>> frames) =>
        Assert.Throws<MessageRejectedException>(() => codec.Decode(frames));

    [Fact]
    public void EncodeDecode_RoundTripsHeaderParentContentBuffersAndIdentities()
    {
        var buffers = new ReadOnlyMemory<byte>[] { new byte[] { 0, 1, 2 }, new byte[] { 255 } };
        var identities = new ReadOnlyMemory<byte>[] { "client-1"u8.ToArray(), new byte[] { 0, 0x80 } };
        var message = NewMessage(buffers).WithIdentities(identities);

        var decoded = NewCodec().Decode(NewCodec().Encode(message));

        Assert.Equal(message.Header, decoded.Header with { Extra = null });
        Assert.Equal(message.ParentMsgId, decoded.ParentMsgId);
        Assert.Equal(message.ContentJson.ToArray(), decoded.ContentJson.ToArray());
        Assert.Equal(message.MetadataJson.ToArray(), decoded.MetadataJson.ToArray());
        Assert.Equal(buffers.Select(b => b.ToArray()), decoded.Buffers.Select(b => b.ToArray()));
        Assert.Equal(identities.Select(b => b.ToArray()), decoded.Identities.Select(b => b.ToArray()));
    }

    [Fact]
    public void Decode_TamperedFrame_IsBadSignature()
    {
        var frames = NewCodec().Encode(NewMessage());
        frames[5] = """{"status":"ok","execution_count":2}"""u8.ToArray();

        Assert.Equal(RejectionReason.BadSignature, Rejected(NewCodec(), frames).Reason);
    }

    [Fact]
    public void Decode_WrongKey_IsBadSignature()
    {
        var frames = NewCodec("another key").Encode(NewMessage());

        Assert.Equal(RejectionReason.BadSignature, Rejected(NewCodec(), frames).Reason);
    }

    [Fact]
    public void Decode_EmptySignatureWithKey_IsMissingSignature()
    {
        var frames = NewCodec(string.Empty).Encode(NewMessage());

        Assert.Empty(frames[1].ToArray());
        Assert.Equal(RejectionReason.MissingSignature, Rejected(NewCodec(), frames).Reason);
    }

    [Fact]
    public void Decode_SameFramesTwice_IsReplayed()
    {
        var codec = NewCodec();
        var frames = NewCodec().Encode(NewMessage());
        codec.Decode(frames);

        Assert.Equal(RejectionReason.Replayed, Rejected(codec, frames).Reason);
    }

    [Fact]
    public void Decode_EmptyKey_AcceptsUnsignedAndRepeatedMessages()
    {
        var codec = NewCodec(string.Empty);
        var frames = codec.Encode(NewMessage());

        Assert.Equal("execute_reply", codec.Decode(frames).MsgType);
        Assert.Equal("execute_reply", codec.Decode(frames).MsgType);
    }

    [Fact]
    public void Decode_NoDelimiter_IsMalformed()
    {
        var frames = NewCodec().Encode(NewMessage());

        Assert.Equal(RejectionReason.Malformed, Rejected(NewCodec(), frames.Skip(1).ToArray()).Reason);
    }

    [Fact]
    public void Decode_TruncatedFrames_IsMalformed()
    {
        var frames = NewCodec().Encode(NewMessage());

        var ex = Rejected(NewCodec(), frames.Take(4).ToArray());

        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.Contains("3 frames", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderNotJson_IsMalformed()
    {
        var codec = new WireCodec(MessageSigner.FromKey(string.Empty));
        ReadOnlyMemory<byte>[] frames = ["<IDS|MSG>"u8.ToArray(), Array.Empty<byte>(), "not json"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()];

        Assert.Equal(RejectionReason.Malformed, Rejected(codec, frames).Reason);
    }

    [Fact]
    public void UnknownFields_SurviveDecodeThenEncode()
    {
        // Written by hand, as another implementation might: odd spacing, key order, fields Quire does not know.
        var header = """{"msg_type":"stream","msg_id":"m1","session":"k","date":"2024-01-01T00:00:00Z","version":"5.5","subshell_id":"sub-1"}"""u8.ToArray();
        var content = """{ "name" : "stdout",  "text":"hi\u00e9", "future_field": [1, {"x": null}] }"""u8.ToArray();
        var signer = MessageSigner.FromKey(Key);
        var signature = signer.Sign(header, "{}"u8, "{}"u8, content);
        ReadOnlyMemory<byte>[] frames = ["stream"u8.ToArray(), "<IDS|MSG>"u8.ToArray(), signature, header, "{}"u8.ToArray(), "{}"u8.ToArray(), content];

        var decoded = NewCodec().Decode(frames);
        var reencoded = NewCodec().Encode(decoded);
        var again = NewCodec().Decode(reencoded);

        Assert.Equal(content, reencoded[6].ToArray());
        Assert.Equal("sub-1", again.Header.Extra?["subshell_id"].GetString());
        Assert.Equal("5.5", again.Header.Version);
        Assert.Null(again.ParentHeader);
        Assert.Contains("\"subshell_id\":\"sub-1\"", Encoding.UTF8.GetString(reencoded[3].Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FramesSlicedFromOneBuffer_VerifiesThemAsOne_AndStillCatchesTampering()
    {
        // The ZeroMQ transport receives a message into one array and hands over consecutive slices of it.
        var frames = NewCodec().Encode(NewMessage().WithIdentities(["topic"u8.ToArray()]));
        var tampered = OneBuffer(frames);
        MemoryMarshal.AsMemory(tampered[^1]).Span[^2]++;

        var decoded = NewCodec().Decode(OneBuffer(frames));

        Assert.Equal("execute_reply", decoded.MsgType);
        Assert.Equal(frames[^1].ToArray(), decoded.ContentJson.ToArray());
        Assert.Equal(RejectionReason.BadSignature, Rejected(NewCodec(), tampered).Reason);
    }

    [Fact]
    public void Decode_HeadersTheFastReaderLeavesToTheSerializer_AreReadAsBefore()
    {
        // A null user name, an array among the extension data, a repeated key: the serializer's call, as before.
        var unusual = """{"msg_id":"m1","session":"s","username":null,"msg_type":"stream","n":[1,2]}"""u8.ToArray();
        var repeated = """{"msg_id":"m1","msg_id":"m2","session":"s","msg_type":"stream"}"""u8.ToArray();

        var decoded = NewCodec().Decode(Signed(unusual));
        var again = NewCodec().Decode(Signed(repeated));

        Assert.Null(decoded.Header.Username);
        Assert.Equal("[1,2]", decoded.Header.Extra?["n"].GetRawText());
        Assert.Equal("m2", again.MsgId);
    }

    [Theory]
    [InlineData("""{"msg_id":"m1","session":"s"}""")]
    [InlineData("""{"msg_id":5,"session":"s","msg_type":"stream"}""")]
    [InlineData("""{"msg_id":"m1","session":"s","msg_type":"stream"} x""")]
    [InlineData("""["msg_id"]""")]
    public void Decode_HeaderThatIsNotOne_IsMalformed(string header)
    {
        Assert.Equal(RejectionReason.Malformed, Rejected(NewCodec(), Signed(Encoding.UTF8.GetBytes(header))).Reason);
    }

    [Fact]
    public void ReplayGuard_ForgetsOldestBeyondCapacity()
    {
        var guard = new ReplayGuard(capacity: 2);

        Assert.True(guard.TryRecord("a"u8));
        Assert.True(guard.TryRecord("b"u8));
        Assert.False(guard.TryRecord("a"u8));
        Assert.True(guard.TryRecord("c"u8));
        Assert.True(guard.TryRecord("a"u8));
    }

    private static ReadOnlyMemory<byte>[] Signed(byte[] header)
    {
        var content = """{"name":"stdout","text":"hi"}"""u8.ToArray();
        var signature = MessageSigner.FromKey(Key).Sign(header, "{}"u8, "{}"u8, content);
        return ["<IDS|MSG>"u8.ToArray(), signature, header, "{}"u8.ToArray(), "{}"u8.ToArray(), content];
    }

    /// <summary>The frames copied back to back into one array, as consecutive slices of it.</summary>
    private static ReadOnlyMemory<byte>[] OneBuffer(ReadOnlyMemory<byte>[] frames)
    {
        var all = frames.SelectMany(f => f.ToArray()).ToArray();
        var slices = new ReadOnlyMemory<byte>[frames.Length];
        var offset = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            slices[i] = all.AsMemory(offset, frames[i].Length);
            offset += frames[i].Length;
        }

        return slices;
    }
}
