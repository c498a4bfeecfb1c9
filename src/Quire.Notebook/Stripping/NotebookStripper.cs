using Quire.Notebook.Json;

namespace Quire.Notebook.Stripping;

/// <summary>
/// Removes what changes on every run (outputs, execution counts, volatile metadata) so that notebooks can be kept in
/// version control like source, as nbstripout does. The result keeps everything else, including kernelspec and
/// language_info.
/// </summary>
public static class NotebookStripper
{
    private const string KeepOutputKey = "keep_output";

    /// <exception cref="ArgumentException">A key of <paramref name="options"/> is not in nbstripout's syntax.</exception>
    public static NotebookDocument Strip(NotebookDocument document, StripOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= StripOptions.Default;
        var keys = options.EffectiveKeys;
        foreach (var key in keys)
        {
            if (!StripOptions.IsValidKey(key))
            {
                throw new ArgumentException($"'{key}' is not a key to strip: use metadata.NAME or cell.NAME", nameof(options));
            }
        }

        // The notebook-level switch is read before its own metadata is stripped, as nbstripout does.
        var keepOutput = options.KeepOutput ?? (document.Metadata[KeepOutputKey] is { } flag && IsTruthy(flag));
        var json = document.Json;
        foreach (var key in keys.Where(k => k.StartsWith("metadata.", StringComparison.Ordinal)))
        {
            json = Pop(json, key);
        }

        var cellKeys = keys.Where(k => k.StartsWith("cell.", StringComparison.Ordinal)).Select(k => k["cell.".Length..]).ToArray();
        if (json.GetArray("cells") is { } cells)
        {
            var stripped = cells.Select(c => c is JObject cell ? (JValue)StripCell(cell, keepOutput, options.KeepCount, cellKeys) : c);
            json = json.With("cells", new JArray(stripped));
        }

        return new NotebookDocument(json);
    }

    /// <summary>
    /// Whether a cell keeps its outputs: its <c>init_cell</c> metadata decides when present (nbstripout keeps
    /// initialisation cells' outputs), else a <c>keep_output</c> tag or metadata entry, else the notebook-wide default.
    /// </summary>
    public static bool KeepsOutput(JObject cell, bool defaultKeep)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.GetObject("metadata") is not { } metadata)
        {
            return defaultKeep;
        }

        if (metadata["init_cell"] is { } init)
        {
            return IsTruthy(init);
        }

        var tagged = metadata.GetArray("tags")?.Any(t => t.AsString() == KeepOutputKey) == true;
        var flagged = metadata[KeepOutputKey] is { } flag && IsTruthy(flag);
        return tagged || flagged || (metadata[KeepOutputKey] is null && defaultKeep);
    }

    private static JObject StripCell(JObject cell, bool keepOutput, bool keepCount, string[] cellKeys)
    {
        if (cell.GetArray("outputs") is { } outputs)
        {
            var kept = KeepsOutput(cell, keepOutput) ? outputs.Items : [];
            if (!keepCount)
            {
                kept = [.. kept.Select(o => o is JObject output && output.ContainsKey("execution_count")
                    ? output.With("execution_count", JLiteral.Null)
                    : o)];
            }

            cell = cell.With("outputs", new JArray(kept));
        }

        if (!keepCount && cell.ContainsKey("execution_count"))
        {
            cell = cell.With("execution_count", JLiteral.Null);
        }

        foreach (var key in cellKeys)
        {
            cell = Pop(cell, key);
        }

        return cell;
    }

    /// <summary>
    /// Removes a dotted key path. A key that itself contains dots (<c>application/vnd.x+json</c> style) is tried whole
    /// first at each level, so such keys can be stripped too (nbstripout's <c>pop_recursive</c>).
    /// </summary>
    internal static JObject Pop(JObject json, string key)
    {
        if (json.ContainsKey(key))
        {
            return json.Without(key);
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || json.GetObject(key[..dot]) is not { } child)
        {
            return json;
        }

        var popped = Pop(child, key[(dot + 1)..]);
        return ReferenceEquals(popped, child) ? json : json.With(key[..dot], popped);
    }

    /// <summary>Python's truthiness, since nbstripout reads these flags with <c>bool(…)</c>.</summary>
    private static bool IsTruthy(JValue value) => value switch
    {
        JLiteral literal => literal.Kind == JKind.True,
        JNumber number => number.ToDouble() != 0,
        JString s => s.Utf8Length > 0,
        JArray array => array.Count > 0,
        JObject obj => obj.Count > 0,
        _ => false,
    };
}
