namespace Quire.Server.Security.Passwords;

/// <summary>How <see cref="PasswordHash.CreateAsync"/> hashes a new password.</summary>
public enum PasswordAlgorithm
{
    /// <summary>argon2id with jupyter_server's parameters, in its <c>argon2:$argon2id$…</c> form.</summary>
    Argon2,

    /// <summary>PBKDF2-HMAC-SHA256, 600 000 iterations: <c>pbkdf2:sha256:600000$salt$hex</c>.</summary>
    Pbkdf2,
}
