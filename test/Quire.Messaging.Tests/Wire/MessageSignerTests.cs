using System.Text;
using Quire.Messaging.Wire;

namespace Quire.Messaging.Tests.Wire;

public sealed class MessageSignerTests
{
    private const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private static readonly byte[] Header = Encoding.UTF8.GetBytes(
        """{"msg_id":"1","session":"s","username":"u","date":"2024-01-01T00:00:00.000000Z","msg_type":"execute_request","version":"5.4"}""");

    private static readonly byte[] Content = Encoding.UTF8.GetBytes("""{"code":"1+1"}""");

    [Fact]
    public void Sign_Sha256_MatchesPythonHmac()
    {
        // hmac.new(key, digestmod=hashlib.sha256) updated with header, {}, {}, content, as jupyter_client's Session.sign.
        const string Expected = "4e56a27349ec493229b5b1b03ddad6e2402c617147e65b7218f4306831dc7f7f";

        var signature = MessageSigner.FromKey(Key).Sign(Header, "{}"u8, "{}"u8, Content);

        Assert.Equal(Expected, Encoding.ASCII.GetString(signature));
    }

    [Fact]
    public void Sign_Sha512_MatchesPythonHmac()
    {
        const string Expected =
            "e561443e22dbeb60f284cbdbee9389f64947d725b975fae5d41ae1db5d770ef46591e4b37c9a5ec494e270034216b6a1dad489489d6a0be25e6afd3d26bf892f";

        var signature = MessageSigner.FromKey(Key, "hmac-sha512").Sign(Header, "{}"u8, "{}"u8, Content);

        Assert.Equal(Expected, Encoding.ASCII.GetString(signature));
    }

    [Fact]
    public void SignThenVerify_RoundTrips_AndRejectsAnyChangedFrame()
    {
        var signer = MessageSigner.FromKey(Key);
        var signature = signer.Sign(Header, "{}"u8, "{}"u8, Content);

        Assert.True(signer.Verify(signature, Header, "{}"u8, "{}"u8, Content));
        Assert.False(signer.Verify(signature, Header, "{}"u8, "{}"u8, """{"code":"1+2"}"""u8));
        Assert.False(signer.Verify(signature, Header, "{}"u8, """{"a":1}"""u8, Content));
        Assert.False(MessageSigner.FromKey("other").Verify(signature, Header, "{}"u8, "{}"u8, Content));
    }

    [Fact]
    public void Verify_OverTheFramesBackToBack_AgreesWithFrameByFrame()
    {
        var signer = MessageSigner.FromKey(Key);
        var signature = signer.Sign(Header, "{}"u8, "{}"u8, Content);
        byte[] signed = [.. Header, .. "{}{}"u8, .. Content];
        byte[] changed = [.. Header, .. "{}{}"u8, .. """{"code":"1+2"}"""u8];

        Assert.True(signer.Verify(signature, signed));
        Assert.False(signer.Verify(signature, changed));
        Assert.False(MessageSigner.FromKey("other").Verify(signature, signed));
        Assert.False(signer.Verify(signature.AsSpan(0, signature.Length - 1), signed));
    }

    [Fact]
    public void EmptyKey_SignsWithNothing_AndAcceptsAnySignature()
    {
        var signer = MessageSigner.FromKey(string.Empty);

        Assert.False(signer.IsEnabled);
        Assert.Empty(signer.Sign(Header, "{}"u8, "{}"u8, Content));
        Assert.True(signer.Verify("junk"u8, Header, "{}"u8, "{}"u8, Content));
    }

    [Fact]
    public void UnknownScheme_IsRefusedByName()
    {
        var ex = Assert.Throws<ArgumentException>(() => MessageSigner.FromKey(Key, "hmac-whirlpool"));

        Assert.Contains("hmac-whirlpool", ex.Message, StringComparison.Ordinal);
    }
}
