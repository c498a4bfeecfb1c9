using Quire.Server.Security.Passwords;

namespace Quire.Server.Tests.Security;

/// <summary>Hashes made by jupyter_server's passwd() (argon2-cffi) and by hashlib, verified; Quire's own, readable by both.</summary>
public sealed class PasswordHashTests
{
    public const string Password = "s3cret pass";

    // argon2-cffi 21.1 with cheap parameters (the defaults take a second), and jupyter_server's default parameters.
    public const string Argon2idHash = "argon2:$argon2id$v=19$m=64,t=2,p=2$NHe6KIfvR+Kt5yOSus2cEg$0K6qxkKepseKj+irkAuwXw";
    public const string Argon2iHash = "argon2:$argon2i$v=19$m=64,t=2,p=1$cfrC8eLqnaBXlbPjd1TiAg$qmif1hTlC82v061edCyPJg";
    public const string JupyterDefaultHash = "argon2:$argon2id$v=19$m=10240,t=10,p=8$fJU7vc0tuHMpbZZRAPuqxA$cODujeFz50ASzRX/8rwRow";

    // hashlib.pbkdf2_hmac('sha256', password, salt, 600000), and passwd(password, algorithm='sha1').
    public const string Pbkdf2Hash = "pbkdf2:sha256:600000$k4ncu14ELY4jd983$9a42b036f461c70d660927ae47221e1a48c007e1a2c703c49b11cd90ef5b27c2";
    public const string Sha1Hash = "sha1:a2c60c960549:e4b5859c1df30c28bd52f73f94c504fdf730a684";

    [Theory]
    [InlineData(Argon2idHash)]
    [InlineData(Argon2iHash)]
    [InlineData(JupyterDefaultHash)]
    [InlineData(Pbkdf2Hash)]
    [InlineData(Sha1Hash)]
    public async Task PythonsHashes_Verify_AndRejectOtherPasswords(string hash)
    {
        Assert.Null(PasswordHash.Problem(hash));
        Assert.True(await PasswordHash.VerifyAsync(hash, Password, TestContext.Current.CancellationToken));
        Assert.False(await PasswordHash.VerifyAsync(hash, Password + " ", TestContext.Current.CancellationToken));
        Assert.False(await PasswordHash.VerifyAsync(hash, string.Empty, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(PasswordAlgorithm.Argon2, "argon2:$argon2id$v=19$m=10240,t=10,p=8$")]
    [InlineData(PasswordAlgorithm.Pbkdf2, "pbkdf2:sha256:600000$")]
    public async Task NewHashes_VerifyAndAreSalted(PasswordAlgorithm algorithm, string prefix)
    {
        var first = await PasswordHash.CreateAsync("päss wörd", algorithm, TestContext.Current.CancellationToken);
        var second = await PasswordHash.CreateAsync("päss wörd", algorithm, TestContext.Current.CancellationToken);

        Assert.StartsWith(prefix, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(await PasswordHash.VerifyAsync(first, "päss wörd", TestContext.Current.CancellationToken));
        Assert.False(await PasswordHash.VerifyAsync(first, "pass word", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("argon2:$argon2id$v=16$m=64,t=2,p=2$NHe6KIfvR+Kt5yOSus2cEg$0K6qxkKepseKj+irkAuwXw", "version")]
    [InlineData("argon2:$argon2x$v=19$m=64,t=2,p=2$NHe6KIfvR+Kt5yOSus2cEg$0K6qxkKepseKj+irkAuwXw", "variant")]
    [InlineData("argon2:$argon2id$v=19$m=64,t=2$NHe6KIfvR+Kt5yOSus2cEg$0K6qxkKepseKj+irkAuwXw", "parameters")]
    [InlineData("argon2:nonsense", "argon2:")]
    [InlineData("pbkdf2:sha256:x$salt$00", "iteration")]
    [InlineData("pbkdf2:md4:10$salt$00", "digest")]
    [InlineData("sha1:salt:not-hex", "hex")]
    [InlineData("plaintext", "argon2:")]
    [InlineData("whirlpool:salt:00", "algorithm")]
    public async Task MalformedHashes_AreExplained_AndNeverVerify(string hash, string explanation)
    {
        Assert.Contains(explanation, PasswordHash.Problem(hash), StringComparison.Ordinal);
        Assert.False(await PasswordHash.VerifyAsync(hash, Password, TestContext.Current.CancellationToken));
    }
}
