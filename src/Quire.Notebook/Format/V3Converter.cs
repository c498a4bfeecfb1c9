using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// Converts an nbformat 3 notebook, as it is on disk, to nbformat 4 in memory form, step for step as Python's
/// <c>nbformat.read(f, as_version=4)</c> does: the v3 reader's <c>rejoin_lines</c> (lists whose first line has no line
/// break are joined with "\n"), then <c>v4.convert.upgrade</c>. As in Python, the result is not passed through the v4
/// reader's <c>rejoin_lines</c> and <c>strip_transient</c>: <c>metadata.orig_nbformat</c> is recorded (the writer drops
/// it), the notebook becomes 4.5 and every cell gets a new random id. Where Python raises, this throws.
/// </summary>
public static class V3Converter
{
    private static readonly string[] MultilineOutputKeys = ["text", "html", "svg", "latex", "javascript", "json"];

    /// <exception cref="NotebookFormatException">Python cannot read or convert this notebook either.</exception>
    public static JObject Convert(JObject v3)
    {
        ArgumentNullException.ThrowIfNull(v3);
        if (v3["worksheets"] is not JArray worksheets)
        {
            throw Fail("an nbformat 3 notebook needs a \"worksheets\" list");
        }

        var rejoined = worksheets.Select(w =>
            (JValue)JObject.Of(("cells", new JArray(WorksheetCells(w).Select(c => (JValue)RejoinCell(c))))));
        return Upgrade(v3.With("worksheets", new JArray(rejoined)));
    }

    /// <summary>nbformat's <c>v4.convert.upgrade</c> of a v3 notebook in memory form (text already joined).</summary>
    internal static JObject Upgrade(JObject v3)
    {
        var minor = v3["nbformat_minor"];
        if (minor is not (JNumber { IsInteger: true } or JLiteral { Kind: JKind.True or JKind.False }))
        {
            throw Fail(minor is null ? "no \"nbformat_minor\" version" : $"unsupported nbformat_minor {JsonText.Truncate(minor)}");
        }

        if (v3["metadata"] is not JObject metadata)
        {
            throw Fail("the notebook needs a \"metadata\" object");
        }

        var cells = new List<JValue>();
        foreach (var worksheet in (JArray?)v3["worksheets"] ?? JArray.Empty)
        {
            foreach (var cell in WorksheetCells(worksheet))
            {
                cells.Add(UpgradeCell(cell));
            }
        }

        metadata = metadata
            .With("orig_nbformat", Truthy(v3["orig_nbformat"]) ? v3["orig_nbformat"]! : 3)
            .With("orig_nbformat_minor", Truthy(v3["orig_nbformat_minor"]) ? v3["orig_nbformat_minor"]! : 0)
            .Without("name", "signature");
        return v3.Without("worksheets", "orig_nbformat", "orig_nbformat_minor")
            .With("metadata", metadata)
            .With("nbformat", 4)
            .With("nbformat_minor", 5)
            .With("cells", new JArray(cells));
    }

    /// <summary>Python's truth value of a JSON value (missing counts as false).</summary>
    internal static bool Truthy(JValue? value) => value switch
    {
        null or JLiteral { Kind: JKind.Null or JKind.False } => false,
        JString s => s.Utf8Length > 0,
        JNumber n => n.ToDouble() != 0,
        JArray a => a.Count > 0,
        JObject o => o.Count > 0,
        _ => true,
    };

    internal static NotebookFormatException Fail(string reason) => new($"cannot convert the notebook to nbformat 4: {reason}");

    internal static IEnumerable<JObject> WorksheetCells(JValue worksheet)
    {
        var cells = (worksheet as JObject)?["cells"];
        if (cells is JObject { Count: 0 })
        {
            return [];
        }

        if (cells is not JArray list || list.Any(c => c is not JObject o || !o.ContainsKey("cell_type")))
        {
            throw Fail("a worksheet needs a \"cells\" list of cells with a \"cell_type\"");
        }

        return list.Cast<JObject>();
    }

    /// <summary>The v3 reader's <c>rejoin_lines</c> for one cell.</summary>
    private static JObject RejoinCell(JObject cell)
    {
        if (!IsType(cell, "code"))
        {
            return JoinKeys(cell, "source", "rendered");
        }

        if (cell["outputs"] is not JArray outputs || outputs.Any(o => o is not JObject))
        {
            throw Fail("a code cell needs an \"outputs\" list of objects");
        }

        var joined = outputs.Select(o => (JValue)JoinKeys((JObject)o, MultilineOutputKeys));
        return JoinKeys(cell, "input").With("outputs", new JArray(joined));
    }

    private static JObject JoinKeys(JObject obj, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (obj[key] is JArray lines)
            {
                obj = obj.With(key, JoinLines(lines));
            }
        }

        return obj;
    }

    /// <summary>The v3 <c>_join_lines</c>: "".join when the first line ends with a line break, else "\n".join.</summary>
    private static JString JoinLines(JArray lines)
    {
        if (lines.Any(l => l is not JString))
        {
            throw Fail("a multi-line text list holds a value that is not a string");
        }

        if (lines.Count == 0 || ((JString)lines[0]).Utf8.Span is [.., (byte)'\n' or (byte)'\r'])
        {
            return NbformatTransforms.Join(lines);
        }

        return JString.From(string.Join('\n', lines.Select(l => ((JString)l).Value)));
    }

    /// <summary>nbformat's <c>upgrade_cell</c>.</summary>
    private static JObject UpgradeCell(JObject cell)
    {
        if (!cell.ContainsKey("metadata"))
        {
            cell = cell.With("metadata", JObject.Empty);
        }

        cell = cell.With("id", CellIds.NewId());
        if (IsType(cell, "code"))
        {
            if (cell.TryGetValue("collapsed", out var collapsed))
            {
                if (cell["metadata"] is not JObject metadata)
                {
                    throw Fail("a cell's \"metadata\" is not an object");
                }

                cell = cell.Without("collapsed").With("metadata", metadata.With("collapsed", collapsed));
            }

            var outputs = ((JArray)cell["outputs"]!).Select(o => (JValue)V3Outputs.Upgrade((JObject)o));
            return cell.Without("language", "input", "prompt_number")
                .With("source", cell["input"] ?? JString.Empty)
                .With("execution_count", cell["prompt_number"] ?? JLiteral.Null)
                .With("outputs", new JArray(outputs));
        }

        if (IsType(cell, "heading"))
        {
            return cell.Without("level").With("cell_type", "markdown").With("source", HeadingSource(cell));
        }

        return IsType(cell, "html") ? cell.With("cell_type", "markdown") : cell;
    }

    private static string HeadingSource(JObject cell)
    {
        long level = cell["level"] switch
        {
            null => 1,
            JNumber { IsInteger: true } n when n.TryGetInt64(out var l) && l <= 1 << 20 => l,
            JLiteral { Kind: JKind.True } => 1,
            JLiteral { Kind: JKind.False } => 0,
            _ => throw Fail("a heading cell's \"level\" is not a small integer"),
        };
        var source = cell["source"] ?? JString.Empty;
        if (source is not JString text)
        {
            throw Fail("a heading cell's \"source\" is not a string");
        }

        var hashes = new string('#', (int)Math.Max(0, level));
        return $"{hashes} {string.Join(' ', PythonLines.SplitLines(text.Value, keepEnds: false))}";
    }

    internal static bool IsType(JObject cell, string type) => cell["cell_type"] is JString s && s.ValueEquals(type);
}
