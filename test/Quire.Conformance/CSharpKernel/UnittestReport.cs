using System.Text.RegularExpressions;

namespace Quire.Conformance.CSharpKernel;

/// <summary>What <c>python3 -m unittest -v</c> printed: each test's outcome, the failure blocks, and the summary.</summary>
internal sealed partial record UnittestReport(
    IReadOnlyDictionary<string, string> Outcomes, IReadOnlyList<string> Failures, int Ran, bool Ok, string Output)
{
    public static UnittestReport Parse(string output)
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in ResultLine().Matches(output))
        {
            outcomes[match.Groups["name"].Value] = match.Groups["outcome"].Value.Trim();
        }

        // "FAIL: test_x (module.Class.test_x) (subtest=...)" heads a block running to the next ===== or ----- rule.
        var failures = FailureBlock().Matches(output).Select(m => $"{m.Groups["kind"].Value} {m.Groups["name"].Value}{m.Groups["sub"].Value}: {LastLine(m.Groups["body"].Value)}").ToList();
        var ran = RanLine().Match(output) is { Success: true } r ? int.Parse(r.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var ok = OkLine().IsMatch(output);
        return new UnittestReport(outcomes, failures, ran, ok, output);
    }

    public IReadOnlyList<string> Skipped => [.. Outcomes.Where(o => o.Value.StartsWith("skipped", StringComparison.Ordinal)).Select(o => o.Key).Order(StringComparer.Ordinal)];

    public string Describe() =>
        $"ran {Ran}; failed: {(Failures.Count == 0 ? "none" : "\n  " + string.Join("\n  ", Failures))}\nskipped: {string.Join(", ", Skipped)}\n--- output ---\n{Output}";

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    [GeneratedRegex(@"^(?<name>test_\w+) \([\w.]+\) \.\.\. (?<outcome>ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)\s*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"^(?<kind>FAIL|ERROR): (?<name>\w+) \([\w.]+\)(?<sub>[^\n]*)\n-+\n(?<body>.*?)(?=^={20,}|^-{20,})", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FailureBlock();

    [GeneratedRegex(@"^Ran (\d+) tests? in", RegexOptions.Multiline)]
    private static partial Regex RanLine();

    [GeneratedRegex(@"^OK( \(.*\))?\s*$", RegexOptions.Multiline)]
    private static partial Regex OkLine();
}
