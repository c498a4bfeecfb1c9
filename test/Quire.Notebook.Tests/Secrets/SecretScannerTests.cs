using Quire.Notebook.Secrets;

namespace Quire.Notebook.Tests.Secrets;

public sealed class SecretScannerTests
{
    [Theory]
    [InlineData("key = \"AKIAZ3MPLQ7RTWX4QK2B\"", "aws-access-key-id", "AKIAZ3MPLQ7RTWX4QK2B")]
    [InlineData("id=ASIAZ3MPLQ7RTWX4QK2B", "aws-access-key-id", "ASIAZ3MPLQ7RTWX4QK2B")]
    [InlineData("aws_secret_access_key = \"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\"", "aws-secret-access-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8r3TkLm2")]
    [InlineData("t = 'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'", "github-token", "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5")]
    [InlineData("t = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123'", "github-token", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("SLACK=xoxp-2938475610-AbCdEfGhIjKl", "slack-token", "xoxp-2938475610-AbCdEfGhIjKl")]
    [InlineData("stripe.api_key = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"", "stripe-live-key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("OpenAI(api_key=\"sk-proj-Abc123Def456Ghi789Jkl012\")", "openai-api-key", "sk-proj-Abc123Def456Ghi789Jkl012")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=x", "azure-storage-key", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==")]
    [InlineData("engine = create_engine('postgresql://admin:S3cr3t@db:5432/app')", "url-password", "S3cr3t")]
    [InlineData("\"Server=db;User Id=sa;Password=Hunter2!x;\"", "connection-string-password", "Hunter2!x")]
    [InlineData("api_token = \"q8Zr2LmXv9Tn4Wp7Ks1Yb6Hd\"", "generic-secret", "q8Zr2LmXv9Tn4Wp7Ks1Yb6Hd")]
    [InlineData("{\"client_secret\": \"q8Zr2LmXv9Tn4Wp7Ks1Yb6Hd\"}", "generic-secret", "q8Zr2LmXv9Tn4Wp7Ks1Yb6Hd")]
    public void ScanText_FindsEachKind(string text, string rule, string secret)
    {
        var match = Assert.Single(SecretScanner.Default.ScanText(text));

        Assert.Equal(rule, match.Rule.Id);
        Assert.Equal(secret, match.Secret);
        Assert.Equal(secret, text.Substring(match.Start, match.Length));
        Assert.DoesNotContain(secret, match.Preview, StringComparison.Ordinal);
    }

    [Fact]
    public void ScanText_FindsPemPrivateKey_AndPreviewShowsOnlyTheHeader()
    {
        const string text = "key = \"\"\"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234567890abcdefghijklmnopqrstuv\n-----END RSA PRIVATE KEY-----\"\"\"";

        var match = Assert.Single(SecretScanner.Default.ScanText(text));

        Assert.Equal("private-key", match.Rule.Id);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----", match.Secret, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----…", match.Preview, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIE", match.Preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("api_key = \"<your-api-key>\"")]
    [InlineData("token = \"${GITHUB_TOKEN}\"")]
    [InlineData("aws_access_key_id = \"AKIAIOSFODNN7EXAMPLE\"")]
    [InlineData("token = \"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("secret = \"xxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("password = \"hunter2\"")]
    [InlineData("tokenizer = \"bert-base-uncased-v2Z9abc\"")]
    [InlineData("if line.startswith('-----BEGIN PRIVATE KEY-----'):")]
    [InlineData("connect(host=h, password=pw)")]
    [InlineData("postgresql://user:{password}@host/db")]
    [InlineData("import sklearn; sk-learn is a library")]
    [InlineData("api_key = \"<redacted:generic-secret>\"")]
    public void ScanText_IgnoresPlaceholdersAndCode(string text)
    {
        Assert.Empty(SecretScanner.Default.ScanText(text));
    }

    [Fact]
    public void ScanText_WithSecretLikeKey_TreatsTheWholeValueAsAssigned()
    {
        var match = Assert.Single(SecretScanner.Default.ScanText("Ab12Cd34Ef56Gh78Ij90Kl", name: "accessToken"));

        Assert.Equal("generic-secret", match.Rule.Id);
        Assert.Empty(SecretScanner.Default.ScanText("Ab12Cd34Ef56Gh78Ij90Kl", name: "display_name"));
        Assert.Empty(SecretScanner.Default.ScanText("short1A", name: "password"));
    }

    [Fact]
    public void ScanText_IgnoresAnsiColourCodesAroundTokens()
    {
        var match = Assert.Single(SecretScanner.Default.ScanText("x = \u001b[0;34mghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\u001b[0m"));

        Assert.Equal("github-token", match.Rule.Id);
    }

    [Fact]
    public void Options_RaiseTheEntropyBar()
    {
        var strict = new SecretScanner(options: new SecretScannerOptions { EntropyThreshold = 6 });

        Assert.Empty(strict.ScanText("api_token = \"q8Zr2LmXv9Tn4Wp7Ks1Yb6Hd\""));
        Assert.True(SecretScanner.ShannonEntropy("abcd") > SecretScanner.ShannonEntropy("aabb"));
    }

    [Fact]
    public void Redact_ReplacesEachSecretWithItsRule()
    {
        const string text = "a = 'AKIAZ3MPLQ7RTWX4QK2B'; b = 'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'";

        var redacted = SecretScanner.Redact(text, SecretScanner.Default.ScanText(text));

        Assert.Equal("a = '<redacted:aws-access-key-id>'; b = '<redacted:github-token>'", redacted);
    }
}
