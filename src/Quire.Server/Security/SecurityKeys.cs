using System.Security.Cryptography;
using System.Text;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// The key login cookies are signed with. Its base, the cookie secret, persists in the data directory (0600) so that a
/// restarted server keeps its users logged in, as jupyter_server's <c>jupyter_cookie_secret</c>; the password hash and
/// the token are mixed in, so changing either logs everyone out (CVE-2026-40934 was a password change that did not).
/// </summary>
internal sealed class SecurityKeys
{
    public const string SecretFileName = "quire_cookie_secret";

    private SecurityKeys(byte[] cookieKey) => CookieKey = cookieKey;

    public byte[] CookieKey { get; }

    public static SecurityKeys Create(QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.DataDirectory is { } dataDirectory
            ? LoadOrCreateSecret(Path.Combine(dataDirectory, SecretFileName))
            : RandomNumberGenerator.GetBytes(32);
        var material = Encoding.UTF8.GetBytes($"quire login cookie\0{options.PasswordHash}\0{options.Token}");
        return new SecurityKeys(HMACSHA256.HashData(secret, material));
    }

    private static byte[] LoadOrCreateSecret(string path)
    {
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
        }

        return secret;
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            // A secret too short to sign with is replaced rather than trusted.
            return bytes.Length >= 32 ? bytes : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
