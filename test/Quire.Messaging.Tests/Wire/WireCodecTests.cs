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
    public void ReplayGuard_ForgetsOldestBeyondCapacity()
    {
        var guard = new ReplayGuard(capacity: 2);

        Assert.True(guard.TryRecord("a"u8));
        Assert.True(guard.TryRecord("b"u8));
        Assert.False(guard.TryRecord("a"u8));
        Assert.True(guard.TryRecord("c"u8));
        Assert.True(guard.TryRecord("a"u8));
    }
}
