using Quire.Notebook.Json;

namespace Quire.Notebook.Secrets;

/// <summary>Scans strings and JSON trees, collecting findings and returning the values with the secrets redacted.</summary>
internal sealed class SecretJsonWalker(SecretScanner scanner)
{
    private readonly List<SecretFinding> _findings = [];

    public IReadOnlyList<SecretFinding> Findings => _findings;

    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Scans one string; <paramref name="name"/> is its JSON key, if any. Returns the same instance when clean.</summary>
    public JString Text(JString value, SecretContext context, string path, string? name, int lineOffset = 0)
    {
        var text = value.Value;
        var matches = scanner.ScanText(text, name);
        if (matches.Count == 0)
        {
            return value;
        }

        foreach (var match in matches)
        {
            var (line, column) = Position(text, match.Start);
            _findings.Add(new SecretFinding(context.CellIndex, context.CellId, context.Location, context.OutputIndex,
                line + lineOffset, column, match.Rule.Id, match.Preview, path));
        }

        return JString.From(SecretScanner.Redact(text, matches));
    }

    /// <summary>
    /// Scans a JSON value string by string, each with its key as context (so {"api_key": "…"} is seen as an
    /// assignment). A service-account object reports its private key as such.
    /// </summary>
    public JValue Json(JValue value, SecretContext context, string path, string? name)
    {
        switch (value)
        {
            case JString text:
                return Text(text, context, path, name);
            case JArray array:
                var items = array.Items.ToBuilder();
                var arrayChanged = false;
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = Json(array[i], context, $"{path}/{i}", name);
                    arrayChanged |= !ReferenceEquals(items[i], array[i]);
                }

                return arrayChanged ? new JArray(items.ToImmutable()) : array;
            case JObject obj:
                var result = obj;
                var serviceAccount = obj.GetString("type") == "service_account";
                foreach (var (key, child) in obj)
                {
                    var at = $"{path}/{Escape(key)}";
                    var scanned = serviceAccount && key == "private_key" && child is JString pem
                        ? ServiceAccountKey(pem, context, at)
                        : Json(child, context, at, key);
                    if (!ReferenceEquals(scanned, child))
                    {
                        result = result.With(key, scanned);
                    }
                }

                return result;
            default:
                return value;
        }
    }

    private JString ServiceAccountKey(JString pem, SecretContext context, string path)
    {
        var rule = scanner.Rules.FirstOrDefault(r => r.Id == "gcp-service-account");
        var text = pem.Value;
        if (rule is null || SecretScanner.IsPlaceholder(text) || !text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return Text(pem, context, path, "private_key");
        }

        var match = new SecretMatch(rule, 0, text.Length, text);
        _findings.Add(new SecretFinding(context.CellIndex, context.CellId, context.Location, context.OutputIndex, 1, 1, rule.Id, match.Preview, path));
        return JString.From(SecretScanner.Redact(text, [match]));
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        var before = text.AsSpan(0, offset);
        var lastNewline = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, offset - lastNewline);
    }
}
