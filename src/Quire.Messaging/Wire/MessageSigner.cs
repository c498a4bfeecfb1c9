using System.Security.Cryptography;
using System.Text;

namespace Quire.Messaging.Wire;

/// <summary>
/// HMAC signatures over a message's header, parent header, metadata and content frames, as hex. An empty key disables
/// signing: messages carry an empty signature and any signature is accepted, as the protocol says.
/// </summary>
public sealed class MessageSigner : IDisposable
{
    private const int MaxDigestBytes = 64;
    private readonly byte[] _key;
    private readonly HashAlgorithmName _algorithm;

    // One incremental HMAC per thread: signing happens on callers' threads and verifying on the connection's, and
    // neither should wait for the other or allocate per message.
    private readonly ThreadLocal<IncrementalHash>? _hash;

    public MessageSigner(ReadOnlySpan<byte> key, string signatureScheme = "hmac-sha256")
    {
        _key = key.ToArray();
        _algorithm = ParseScheme(signatureScheme);
        _hash = _key.Length == 0 ? null : new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(_algorithm, _key), trackAllValues: true);
    }

    public static MessageSigner FromKey(string key, string signatureScheme = "hmac-sha256") => new(Encoding.UTF8.GetBytes(key), signatureScheme);

    /// <summary>True when a key is set and signatures are computed and checked.</summary>
    public bool IsEnabled => _hash is not null;

    /// <summary>Lower-case hex of the HMAC over the four frames, or empty when signing is disabled.</summary>
    public byte[] Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (_hash is null)
        {
            return [];
        }

        Span<byte> hex = stackalloc byte[MaxDigestBytes * 2];
        var length = SignInto(header, parentHeader, metadata, content, hex);
        return hex[..length].ToArray();
    }

    /// <summary>Checks a received signature in constant time, without allocating.</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (_hash is null)
        {
            return true;
        }

        Span<byte> expected = stackalloc byte[MaxDigestBytes * 2];
        var length = SignInto(header, parentHeader, metadata, content, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..length], signature);
    }

    /// <summary>
    /// <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    /// over the four signed frames lying back to back in one buffer (as a receiving transport lays them out): the
    /// HMAC is then one call into the crypto library instead of four, which halves its cost on small messages.
    /// </summary>
    internal bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> signedFrames)
    {
        if (_hash is null)
        {
            return true;
        }

        Span<byte> expected = stackalloc byte[MaxDigestBytes * 2];
        var length = SignInto(signedFrames, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..length], signature);
    }

    public void Dispose()
    {
        if (_hash is null)
        {
            return;
        }

        foreach (var hash in _hash.Values)
        {
            hash.Dispose();
        }

        _hash.Dispose();
    }

    private int SignInto(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content, Span<byte> hex)
    {
        var hash = _hash!.Value!;
        hash.AppendData(header);
        hash.AppendData(parentHeader);
        hash.AppendData(metadata);
        hash.AppendData(content);
        return HexDigest(hash, hex);
    }

    private int SignInto(ReadOnlySpan<byte> signedFrames, Span<byte> hex)
    {
        var hash = _hash!.Value!;
        hash.AppendData(signedFrames);
        return HexDigest(hash, hex);
    }

    private static int HexDigest(IncrementalHash hash, Span<byte> hex)
    {
        Span<byte> digest = stackalloc byte[MaxDigestBytes];
        var length = hash.GetHashAndReset(digest);
        Convert.TryToHexStringLower(digest[..length], hex, out var written);
        return written;
    }

    private static HashAlgorithmName ParseScheme(string scheme) => scheme switch
    {
        "hmac-sha256" => HashAlgorithmName.SHA256,
        "hmac-sha512" => HashAlgorithmName.SHA512,
        "hmac-sha384" => HashAlgorithmName.SHA384,
        "hmac-sha1" => HashAlgorithmName.SHA1,
        "hmac-md5" => HashAlgorithmName.MD5,
        _ => throw new ArgumentException($"unsupported signature_scheme \"{scheme}\" (expected hmac-sha256)", nameof(scheme)),
    };
}
