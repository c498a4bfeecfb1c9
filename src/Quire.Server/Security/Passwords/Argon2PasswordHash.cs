using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Quire.Server.Security.Passwords;

/// <summary>An argon2 hash in the PHC string form argon2-cffi writes, behind jupyter_server's <c>argon2:</c> prefix.</summary>
internal sealed class Argon2PasswordHash
{
    public const string Prefix = "argon2:";

    // jupyter_server's passwd(): memory_cost=10240 KiB, time_cost=10, parallelism=8; argon2-cffi's 16-byte salt and
    // 32-byte hash.
    private const int DefaultMemoryKiB = 10240;
    private const int DefaultIterations = 10;
    private const int DefaultParallelism = 8;
    private const int SaltLength = 16;
    private const int HashLength = 32;

    // Bounds on what a configured hash may ask for: beyond them a typo would stall every login.
    private const int MaxMemoryKiB = 4 * 1024 * 1024;
    private const int MaxIterations = 1000;

    private Argon2PasswordHash(string variant, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash)
    {
        Variant = variant;
        MemoryKiB = memoryKiB;
        Iterations = iterations;
        Parallelism = parallelism;
        Salt = salt;
        Hash = hash;
    }

    public string Variant { get; }

    public int MemoryKiB { get; }

    public int Iterations { get; }

    public int Parallelism { get; }

    public byte[] Salt { get; }

    public byte[] Hash { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Argon2PasswordHash? result, out string? problem)
    {
        result = null;
        // "$argon2id$v=19$m=10240,t=10,p=8$<salt>$<hash>" after the prefix.
        var parts = text[Prefix.Length..].Split('$');
        if (parts.Length != 6 || parts[0].Length != 0)
        {
            problem = "an argon2 hash reads argon2:$argon2id$v=19$m=…,t=…,p=…$salt$hash";
            return false;
        }

        if (parts[1] is not ("argon2id" or "argon2i" or "argon2d"))
        {
            problem = $"unknown argon2 variant '{parts[1]}'";
            return false;
        }

        if (parts[2] != "v=19")
        {
            problem = $"only argon2 version 19 (0x13) is supported, not '{parts[2]}'";
            return false;
        }

        if (!TryParseParameters(parts[3], out var memory, out var iterations, out var parallelism))
        {
            problem = $"bad argon2 parameters '{parts[3]}'";
            return false;
        }

        if (!TryDecode(parts[4], out var salt) || !TryDecode(parts[5], out var hash) || salt.Length < 8 || hash.Length < 4)
        {
            problem = "the argon2 salt or hash is not base64";
            return false;
        }

        problem = null;
        result = new Argon2PasswordHash(parts[1], memory, iterations, parallelism, salt, hash);
        return true;
    }

    public static async Task<string> CreateAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = await ComputeAsync("argon2id", password, salt, DefaultMemoryKiB, DefaultIterations, DefaultParallelism, HashLength, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}$argon2id$v=19$m={DefaultMemoryKiB},t={DefaultIterations},p={DefaultParallelism}${Encode(salt)}${Encode(hash)}");
    }

    public async Task<bool> VerifyAsync(string password, CancellationToken cancellationToken)
    {
        if (password.Length == 0)
        {
            // The argon2 implementation refuses empty input; an empty password never logs in anyway.
            return false;
        }

        var computed = await ComputeAsync(Variant, password, Salt, MemoryKiB, Iterations, Parallelism, Hash.Length, cancellationToken).ConfigureAwait(false);
        return CryptographicOperations.FixedTimeEquals(computed, Hash);
    }

    private static async Task<byte[]> ComputeAsync(string variant, string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = Encoding.UTF8.GetBytes(password);
        using Argon2 argon2 = variant switch
        {
            "argon2i" => new Argon2i(bytes),
            "argon2d" => new Argon2d(bytes),
            _ => new Argon2id(bytes),
        };
        argon2.Salt = salt;
        argon2.MemorySize = memoryKiB;
        argon2.Iterations = iterations;
        argon2.DegreeOfParallelism = parallelism;
        return await argon2.GetBytesAsync(length).ConfigureAwait(false);
    }

    private static bool TryParseParameters(string text, out int memory, out int iterations, out int parallelism)
    {
        memory = iterations = parallelism = -1;
        foreach (var pair in text.Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(pair.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (pair[..eq])
            {
                case "m":
                    memory = value;
                    break;
                case "t":
                    iterations = value;
                    break;
                case "p":
                    parallelism = value;
                    break;
                default:
                    return false;
            }
        }

        return parallelism is >= 1 and <= 255 && iterations is >= 1 and <= MaxIterations && memory >= 8 * parallelism && memory <= MaxMemoryKiB;
    }

    // PHC strings use standard base64 without padding.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
