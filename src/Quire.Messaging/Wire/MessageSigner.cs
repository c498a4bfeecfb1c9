using System.Security.Cryptography;
using System.Text;

namespace Quire.Messaging.Wire;

/// <summary>
/// HMAC signatures over a message's header, parent header, metadata and content frames, as hex. An empty key disables
/// signing: messages carry an empty signature and any signature is accepted, as the protocol says.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;
    private readonly HashAlgorithmName _algorithm;
    private readonly Lock _lock = new();
    private readonly IncrementalHash? _hash;

    public MessageSigner(ReadOnlySpan<byte> key, string signatureScheme = "hmac-sha256")
    {
        _key = key.ToArray();
        _algorithm = ParseScheme(signatureScheme);
        _hash = _key.Length == 0 ? null : IncrementalHash.CreateHMAC(_algorithm, _key);
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

        Span<byte> digest = stackalloc byte[64];
        int length;
        lock (_lock)
        {
            _hash.AppendData(header);
            _hash.AppendData(parentHeader);
            _hash.AppendData(metadata);
            _hash.AppendData(content);
            length = _hash.GetHashAndReset(digest);
        }

        var hex = new byte[length * 2];
        Convert.TryToHexStringLower(digest[..length], hex, out _);
        return hex;
    }

    /// <summary>Checks a received signature in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (_hash is null)
        {
            return true;
        }

        var expected = Sign(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
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
