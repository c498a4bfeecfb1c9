using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Quire.Server.Security.Passwords;

/// <summary>PBKDF2-HMAC in the layout Werkzeug writes: <c>pbkdf2:sha256:600000$salt$hex</c> (the salt used as its UTF-8).</summary>
internal sealed class Pbkdf2PasswordHash
{
    public const string Prefix = "pbkdf2:";

    private const int DefaultIterations = 600_000;
    private const int MaxIterations = 10_000_000;
    private const string SaltAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Pbkdf2PasswordHash(HashAlgorithmName algorithm, int iterations, string salt, byte[] digest)
    {
        Algorithm = algorithm;
        Iterations = iterations;
        Salt = salt;
        Digest = digest;
    }

    public HashAlgorithmName Algorithm { get; }

    public int Iterations { get; }

    public string Salt { get; }

    public byte[] Digest { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Pbkdf2PasswordHash? result, out string? problem)
    {
        result = null;
        var parts = text[Prefix.Length..].Split('$');
        var method = parts[0].Split(':');
        if (parts.Length != 3 || method.Length != 2)
        {
            problem = "a pbkdf2 hash reads pbkdf2:sha256:<iterations>$<salt>$<hex digest>";
            return false;
        }

        HashAlgorithmName? algorithm = method[0] switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            "sha512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is null)
        {
            problem = $"unsupported pbkdf2 digest '{method[0]}' (sha1, sha256 or sha512)";
            return false;
        }

        if (!int.TryParse(method[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > MaxIterations)
        {
            problem = $"bad pbkdf2 iteration count '{method[1]}'";
            return false;
        }

        if (parts[1].Length == 0 || !TryHex(parts[2], out var digest))
        {
            problem = "the pbkdf2 salt is empty or the digest is not hex";
            return false;
        }

        problem = null;
        result = new Pbkdf2PasswordHash(algorithm.Value, iterations, parts[1], digest);
        return true;
    }

    public static string Create(string password)
    {
        var salt = string.Create(16, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = SaltAlphabet[RandomNumberGenerator.GetInt32(SaltAlphabet.Length)];
            }
        });
        var digest = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), DefaultIterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}sha256:{DefaultIterations}${salt}${Convert.ToHexStringLower(digest)}");
    }

    public bool Verify(string password)
    {
        var computed = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(Salt), Iterations, Algorithm, Digest.Length);
        return CryptographicOperations.FixedTimeEquals(computed, Digest);
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(text);
        return true;
    }
}
