namespace Quire.Server.Security.Passwords;

/// <summary>
/// Password hashes as jupyter_server's <c>passwd</c>/<c>passwd_check</c> read and write them, so that a hash from a
/// Jupyter configuration works unchanged:
/// <list type="bullet">
/// <item><c>argon2:$argon2id$v=19$m=…,t=…,p=…$salt$hash</c> (jupyter_server's default; argon2i and argon2d too);</item>
/// <item><c>pbkdf2:sha256:&lt;iterations&gt;$&lt;salt&gt;$&lt;hex&gt;</c> (also sha1, sha512);</item>
/// <item>jupyter's legacy <c>&lt;hashlib name&gt;:&lt;salt&gt;:&lt;hex&gt;</c>, e.g. <c>sha1:…:…</c>, accepted but never written.</item>
/// </list>
/// Every comparison of digests takes constant time.
/// </summary>
public static class PasswordHash
{
    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; false for any unreadable hash.</summary>
    public static async Task<bool> VerifyAsync(string hash, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        if (hash.StartsWith(Argon2PasswordHash.Prefix, StringComparison.Ordinal))
        {
            return Argon2PasswordHash.TryParse(hash, out var argon2, out _)
                && await argon2.VerifyAsync(password, cancellationToken).ConfigureAwait(false);
        }

        if (hash.StartsWith(Pbkdf2PasswordHash.Prefix, StringComparison.Ordinal))
        {
            return Pbkdf2PasswordHash.TryParse(hash, out var pbkdf2, out _) && pbkdf2.Verify(password);
        }

        return DigestPasswordHash.TryParse(hash, out var digest, out _) && digest.Verify(password);
    }

    /// <summary>A new hash of <paramref name="password"/> with a fresh random salt.</summary>
    public static Task<string> CreateAsync(string password, PasswordAlgorithm algorithm = PasswordAlgorithm.Argon2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        return algorithm switch
        {
            PasswordAlgorithm.Argon2 => Argon2PasswordHash.CreateAsync(password, cancellationToken),
            PasswordAlgorithm.Pbkdf2 => Task.FromResult(Pbkdf2PasswordHash.Create(password)),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown password algorithm"),
        };
    }

    /// <summary>Null when <paramref name="hash"/> is readable, else what is wrong with it (for the settings check).</summary>
    public static string? Problem(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        string? problem;
        var readable = hash.StartsWith(Argon2PasswordHash.Prefix, StringComparison.Ordinal)
            ? Argon2PasswordHash.TryParse(hash, out _, out problem)
            : hash.StartsWith(Pbkdf2PasswordHash.Prefix, StringComparison.Ordinal)
                ? Pbkdf2PasswordHash.TryParse(hash, out _, out problem)
                : DigestPasswordHash.TryParse(hash, out _, out problem);
        return readable ? null : problem;
    }
}
