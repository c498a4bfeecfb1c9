using System.Text.RegularExpressions;

namespace Quire.Notebook.Secrets;

/// <summary>
/// One kind of secret: a pattern whose group "secret" (or whole match) is the secret itself, which is what gets
/// reported and redacted; the text around it (a variable name, a scheme) only locates it.
/// </summary>
public sealed class SecretRule
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    public required Regex Pattern { get; init; }

    /// <summary>Whether the secret must also pass the scanner's length and entropy thresholds (for rules without a fixed format).</summary>
    public bool RequiresEntropy { get; init; }

    /// <summary>An extra test on (secret, whole text) where the pattern alone would match too much.</summary>
    public Func<string, string, bool>? Accept { get; init; }

    /// <summary>How many leading characters of a secret a report may show (a known prefix, a PEM header).</summary>
    public Func<string, int>? VisiblePrefix { get; init; }

    public override string ToString() => Id;
}
