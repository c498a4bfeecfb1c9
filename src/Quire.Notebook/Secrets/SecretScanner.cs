using System.Text.RegularExpressions;

namespace Quire.Notebook.Secrets;

/// <summary>Finds secrets in text with a rule set (<see cref="SecretRules.Default"/> unless given).</summary>
public sealed class SecretScanner
{
    private static readonly Regex SecretNamePattern = new("^(?i:" + SecretRules.SecretName + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex AwsSecretNamePattern = new(@"^(?i:aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key|secret[_\-]?access[_\-]?key)$",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Ansi = new(@"\x1b\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] PlaceholderMarks =
    [
        "xxxx", "****", "...", "…", "${", "{{", "%(", "os.environ", "getenv", "environ[", "example", "placeholder", "your_", "your-",
        "yourkey", "changeme", "change_me", "dummy", "redacted", "<secret>", "<password>", "<token>", "fake",
    ];

    public SecretScanner(IEnumerable<SecretRule>? rules = null, SecretScannerOptions? options = null)
    {
        Rules = rules?.ToArray() ?? SecretRules.Default;
        Options = options ?? SecretScannerOptions.Default;
    }

    public static SecretScanner Default { get; } = new();

    public IReadOnlyList<SecretRule> Rules { get; }

    public SecretScannerOptions Options { get; }

    /// <summary>
    /// The secrets in <paramref name="text"/>, in order, none overlapping. <paramref name="name"/> is the JSON key the
    /// text is the value of, if any: a secret-like key makes the whole value a candidate, as <c>key = "value"</c> would.
    /// </summary>
    public IReadOnlyList<SecretMatch> ScanText(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<SecretMatch>();
        if (text.Length == 0)
        {
            return matches;
        }

        // Colour codes in tracebacks end in a letter that would glue onto a token; blank them, keeping offsets.
        var masked = text.Contains('\x1b', StringComparison.Ordinal) ? Ansi.Replace(text, m => new string(' ', m.Length)) : text;
        foreach (var rule in Rules)
        {
            foreach (Match match in rule.Pattern.Matches(masked))
            {
                var group = match.Groups["secret"].Success ? match.Groups["secret"] : match.Groups[0];
                var secret = group.Value;
                if (secret.Length > 0 && Accepts(rule, secret, masked) && !Overlaps(matches, group.Index, group.Length))
                {
                    matches.Add(new SecretMatch(rule, group.Index, group.Length, secret));
                }
            }
        }

        if (name is not null && matches.Count == 0)
        {
            AddNamedValue(matches, text, name);
        }

        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>Replaces each match with "&lt;redacted:RULE&gt;".</summary>
    public static string Redact(string text, IReadOnlyList<SecretMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matches);
        var result = text;
        foreach (var match in matches.OrderByDescending(m => m.Start))
        {
            result = string.Concat(result.AsSpan(0, match.Start), $"<redacted:{match.Rule.Id}>", result.AsSpan(match.End));
        }

        return result;
    }

    /// <summary>Whether a value is obviously not a real secret: a template, an environment lookup, xxxx, &lt;your-key&gt;.</summary>
    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || (trimmed[0] == '<' && trimmed[^1] == '>') || (trimmed[0] == '{' && trimmed[^1] == '}') || trimmed[0] == '$')
        {
            return true;
        }

        if (trimmed.All(c => c == trimmed[0]))
        {
            return true;
        }

        foreach (var mark in PlaceholderMarks)
        {
            if (trimmed.Contains(mark, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Shannon entropy of the characters, in bits per character.</summary>
    public static double ShannonEntropy(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return 0;
        }

        var entropy = 0.0;
        foreach (var group in value.GroupBy(c => c))
        {
            var p = (double)group.Count() / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    private bool Accepts(SecretRule rule, string secret, string text)
    {
        if (IsPlaceholder(secret) || (rule.Accept is not null && !rule.Accept(secret, text)))
        {
            return false;
        }

        return !rule.RequiresEntropy || (secret.Length >= Options.MinLength && ShannonEntropy(secret) >= Options.EntropyThreshold);
    }

    private void AddNamedValue(List<SecretMatch> matches, string text, string name)
    {
        var value = text.Trim();
        if (value.Contains(' ', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || !SecretNamePattern.IsMatch(name))
        {
            return;
        }

        var start = text.IndexOf(value, StringComparison.Ordinal);
        var awsRule = Rules.FirstOrDefault(r => r.Id == "aws-secret-access-key");
        if (awsRule is not null && value.Length == 40 && AwsSecretNamePattern.IsMatch(name) && !IsPlaceholder(value))
        {
            matches.Add(new SecretMatch(awsRule, start, value.Length, value));
            return;
        }

        var generic = Rules.FirstOrDefault(r => r.Id == "generic-secret");
        if (generic is not null && Accepts(generic, value, text))
        {
            matches.Add(new SecretMatch(generic, start, value.Length, value));
        }
    }

    private static bool Overlaps(List<SecretMatch> matches, int start, int length) =>
        matches.Exists(m => start < m.End && m.Start < start + length);
}
