using System.Text.RegularExpressions;

namespace Quire.Notebook.Secrets;

/// <summary>
/// The built-in rules, most specific first: where two rules match the same text the earlier one reports it. Formats
/// follow the vendors' documented token layouts; the generic rule needs a secret-like name and a random-looking value.
/// </summary>
public static class SecretRules
{
    /// <summary>Names that say their value is a secret (the word may be prefixed, e.g. db_password, GITHUB_TOKEN).</summary>
    public const string SecretName =
        @"[A-Za-z0-9_.\-]*(?:password|passwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|credential)(?:[_\-][A-Za-z0-9]{1,10})?s?";

    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<SecretRule> Default { get; } =
    [
        new()
        {
            Id = "gcp-service-account",
            Description = "Google Cloud service-account key (private_key of a \"type\": \"service_account\" JSON)",
            Pattern = Rx(@"""private_key""\s*:\s*""(?<secret>-----BEGIN[^""]*?PRIVATE KEY-----[^""]*)"""),
            Accept = (_, text) => text.Contains("service_account", StringComparison.Ordinal),
            VisiblePrefix = PemHeader,
        },
        new()
        {
            Id = "private-key",
            Description = "PEM private key",
            Pattern = Rx(@"(?<secret>-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\]*))"),
            // A header alone (code that looks for one, a "..." body) is not a key: a key has a body of base64.
            Accept = (secret, _) => Regex.Count(secret, "[A-Za-z0-9+/]{32,}") > 0,
            VisiblePrefix = PemHeader,
        },
        new()
        {
            Id = "aws-secret-access-key",
            Description = "AWS secret access key",
            Pattern = Rx(@"(?i:aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key|secret[_\-]?access[_\-]?key)[""']?\]?\s*(?:=|:|:=|=>)\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
        },
        new()
        {
            Id = "aws-access-key-id",
            Description = "AWS access key id",
            Pattern = Rx(@"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])"),
            VisiblePrefix = _ => 4,
        },
        new()
        {
            Id = "github-token",
            Description = "GitHub token",
            Pattern = Rx(@"(?<![A-Za-z0-9_])(?<secret>(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{30,})"),
            VisiblePrefix = s => s.IndexOf('_', StringComparison.Ordinal) + 1,
        },
        new()
        {
            Id = "slack-token",
            Description = "Slack token",
            Pattern = Rx(@"(?<![A-Za-z0-9])(?<secret>xox[abprs]-[A-Za-z0-9][A-Za-z0-9\-]{9,})"),
            VisiblePrefix = _ => 5,
        },
        new()
        {
            Id = "stripe-live-key",
            Description = "Stripe live secret key",
            Pattern = Rx(@"(?<![A-Za-z0-9])(?<secret>(?:sk|rk)_live_[A-Za-z0-9]{20,})"),
            VisiblePrefix = _ => 8,
        },
        new()
        {
            Id = "openai-api-key",
            Description = "OpenAI-style API key (sk-…)",
            Pattern = Rx(@"(?<![A-Za-z0-9_\-])(?<secret>sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\-]{20,})"),
            Accept = (secret, _) => secret.Any(char.IsDigit) && secret.Any(char.IsLetter),
            VisiblePrefix = _ => 3,
        },
        new()
        {
            Id = "jwt",
            Description = "JSON Web Token",
            Pattern = Rx(@"(?<![A-Za-z0-9_\-])(?<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{8,})"),
            VisiblePrefix = _ => 3,
        },
        new()
        {
            Id = "azure-storage-key",
            Description = "Azure storage connection string key (AccountKey=)",
            Pattern = Rx(@"(?i:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{20,}={0,2})"),
        },
        new()
        {
            Id = "url-password",
            Description = "password in a URL (scheme://user:password@host)",
            Pattern = Rx(@"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^\s:/@'""]+:(?<secret>[^\s:/@'""]+)@[^\s/'""]+"),
        },
        new()
        {
            Id = "connection-string-password",
            Description = "password in a connection string (Password=…;)",
            Pattern = Rx(@"(?<![A-Za-z0-9_])(?i:password|pwd)\s*=\s*(?<secret>[^;'""\s][^;'""\r\n]*?)\s*(?=;|['""]|\r?$)", RegexOptions.Multiline),
            // Key=Value; pairs: the password's line has another pair, which a Python keyword argument does not.
            Accept = (_, text) => text.Contains(';', StringComparison.Ordinal),
        },
        new()
        {
            Id = "generic-secret",
            Description = "high-entropy value assigned to a secret-like name",
            Pattern = Rx(@"(?<![A-Za-z0-9_])(?i:" + SecretName + @")[""']?\]?\s*(?:=|:|:=|=>)\s*(?:(?<q>[""'])(?<secret>[^""'\r\n\s]+)\k<q>|(?<secret>[A-Za-z0-9+/=_\-.~]+)(?![A-Za-z0-9+/=_\-.~(\[]))"),
            RequiresEntropy = true,
            Accept = (secret, _) => secret.Any(char.IsDigit) || secret.Any(char.IsUpper),
        },
    ];

    private static Regex Rx(string pattern, RegexOptions extra = RegexOptions.None) => new(pattern, Options | extra, Timeout);

    private static int PemHeader(string secret)
    {
        var end = secret.IndexOf("-----", 5, StringComparison.Ordinal);
        return end < 0 ? 0 : end + 5;
    }
}
