using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Quire.Server.Security.Passwords;

/// <summary>
/// jupyter's legacy <c>algorithm:salt:hexdigest</c>, a single salted hash of <c>password + salt</c> (jupyter_server's
/// <c>passwd_check</c> still reads it). Weak, so Quire reads it for compatibility and never writes it.
/// </summary>
internal sealed class DigestPasswordHash
{
    private DigestPasswordHash(HashAlgorithmName algorithm, string salt, byte[] digest)
    {
        Algorithm = algorithm;
        Salt = salt;
        Digest = digest;
    }

    public HashAlgorithmName Algorithm { get; }

    public string Salt { get; }

    public byte[] Digest { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out DigestPasswordHash? result, out string? problem)
    {
        result = null;
        var parts = text.Split(':', 3);
        if (parts.Length != 3)
        {
            problem = "a password hash reads argon2:…, pbkdf2:sha256:… or <algorithm>:<salt>:<hex digest>";
            return false;
        }

        HashAlgorithmName? algorithm = parts[0] switch
        {
            "md5" => HashAlgorithmName.MD5,
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is null)
        {
            problem = $"unsupported password hash algorithm '{parts[0]}'";
            return false;
        }

        if (parts[2].Length == 0 || parts[2].Length % 2 != 0 || !parts[2].All(char.IsAsciiHexDigit))
        {
            problem = "the password digest is not hex";
            return false;
        }

        problem = null;
        result = new DigestPasswordHash(algorithm.Value, parts[1], Convert.FromHexString(parts[2]));
        return true;
    }

    public bool Verify(string password)
    {
        using var hash = IncrementalHash.CreateHash(Algorithm);
        hash.AppendData(Encoding.UTF8.GetBytes(password));
        hash.AppendData(Encoding.ASCII.GetBytes(Salt));
        return CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), Digest);
    }
}
