using System.Security.Cryptography;
using System.Text;

namespace Quire.Server.Security;

/// <summary>
/// Compares a presented secret with the expected one in time that depends on neither: both are hashed first, so even
/// their lengths do not show (jupyter_server compares tokens with <c>==</c>).
/// </summary>
internal static class SecretComparer
{
    public static bool Equal(string? presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    public static bool Equal(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(presented, expected);
}
