using System.Globalization;
using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// nbformat 1 and 2 notebooks (and, as in Python, an object with no <c>nbformat</c> at all, which counts as 1) brought
/// to nbformat 3 in memory form as Python's readers and <c>v2.convert.upgrade</c> / <c>v3.convert.upgrade</c> do; then
/// <see cref="V3Converter"/> takes them to 4. Cells of a v1 type other than code and text are refused (Python repeats
/// the cell before them, or fails when there is none).
/// </summary>
internal static class LegacyConverter
{
    private static readonly string[] MultilineOutputKeys = ["text", "html", "svg", "latex", "javascript", "json"];

    public static JObject ToV4(JObject nb, long version) => V3Converter.Upgrade(FromV2(version == 1 ? FromV1(nb) : RejoinV2(nb)));

    /// <summary>v2's <c>upgrade</c> from v1: a new notebook; only cells' code, text and prompt numbers survive.</summary>
    private static JObject FromV1(JObject nb)
    {
        if (nb["cells"] is not JArray cells || cells.Any(c => c is not JObject o || !o.ContainsKey("cell_type")))
        {
            throw V3Converter.Fail("an nbformat 1 notebook needs a \"cells\" list of cells with a \"cell_type\"");
        }

        var converted = new List<JValue>();
        foreach (JObject cell in cells)
        {
            if (V3Converter.IsType(cell, "code"))
            {
                var code = new JObjectBuilder().Set("cell_type", "code").Set("language", "python");
                if (cell["code"] is { Kind: not JKind.Null } input)
                {
                    code.Set("input", PythonStr(input));
                }

                if (cell["prompt_number"] is { Kind: not JKind.Null } prompt)
                {
                    code.Set("prompt_number", PythonInt(prompt));
                }

                converted.Add(code.Set("outputs", JArray.Empty).Set("collapsed", false).Build());
            }
            else if (V3Converter.IsType(cell, "text"))
            {
                var text = new JObjectBuilder();
                if (cell["text"] is { Kind: not JKind.Null } source)
                {
                    text.Set("source", PythonStr(source));
                }

                converted.Add(text.Set("cell_type", "markdown").Build());
            }
            else
            {
                throw V3Converter.Fail($"an nbformat 1 cell of type {JsonText.Truncate(cell["cell_type"]!)} cannot be converted");
            }
        }

        var worksheet = JObject.Of(("cells", new JArray(converted)));
        return JObject.Of(("nbformat", 2), ("worksheets", JArray.Of(worksheet)), ("metadata", JObject.Empty));
    }

    /// <summary>The v2 reader: lists joined with "\n" (always), png and jpeg outputs must be ASCII text.</summary>
    private static JObject RejoinV2(JObject nb)
    {
        if (nb["worksheets"] is not JArray worksheets)
        {
            throw V3Converter.Fail("an nbformat 2 notebook needs a \"worksheets\" list");
        }

        var rejoined = worksheets.Select(w =>
            (JValue)JObject.Of(("cells", new JArray(V3Converter.WorksheetCells(w).Select(c => (JValue)RejoinCell(c))))));
        return nb.With("worksheets", new JArray(rejoined));
    }

    private static JObject RejoinCell(JObject cell)
    {
        if (!V3Converter.IsType(cell, "code"))
        {
            return Join(cell, "source", "rendered");
        }

        if (cell["outputs"] is not JArray outputs || outputs.Any(o => o is not JObject))
        {
            throw V3Converter.Fail("a code cell needs an \"outputs\" list of objects");
        }

        var joined = outputs.Select(o =>
        {
            var output = Join((JObject)o, MultilineOutputKeys);
            foreach (var key in (ReadOnlySpan<string>)["png", "jpeg"])
            {
                if (output.TryGetValue(key, out var image) && (image is not JString s || !System.Text.Ascii.IsValid(s.Utf8.Span)))
                {
                    throw V3Converter.Fail($"a v2 \"{key}\" output is not ASCII text");
                }
            }

            return (JValue)output;
        });
        return Join(cell, "input").With("outputs", new JArray(joined));
    }

    private static JObject Join(JObject obj, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (obj[key] is JArray lines)
            {
                if (lines.Any(l => l is not JString))
                {
                    throw V3Converter.Fail("a multi-line text list holds a value that is not a string");
                }

                obj = obj.With(key, string.Join('\n', lines.Select(l => ((JString)l).Value)));
            }
        }

        return obj;
    }

    /// <summary>v3's <c>upgrade</c> from v2: version 3.0, <c>orig_nbformat</c> 2, and every cell gets metadata.</summary>
    private static JObject FromV2(JObject nb)
    {
        var worksheets = nb["worksheets"] as JArray ?? throw V3Converter.Fail("no \"worksheets\" list");
        var upgraded = worksheets.Select(w => (JValue)JObject.Of(("cells", new JArray(V3Converter.WorksheetCells(w)
            .Select(c => (JValue)(c.ContainsKey("metadata") ? c : c.With("metadata", JObject.Empty)))))));
        return nb.With("nbformat", 3).With("nbformat_minor", 0).With("orig_nbformat", 2).With("worksheets", new JArray(upgraded));
    }

    /// <summary>Python's <c>str(value)</c> for the values a v1 cell can hold.</summary>
    private static JValue PythonStr(JValue value) => value switch
    {
        JString s => s,
        JNumber n => n.IsInteger ? n.Text is "-0" ? "0" : n.Text : PythonFloat.Repr(n.ToDouble()),
        JLiteral { Kind: JKind.True } => "True",
        JLiteral { Kind: JKind.False } => "False",
        _ => throw V3Converter.Fail("an nbformat 1 cell's text is a list or an object"),
    };

    /// <summary>Python's <c>int(value)</c> for a v1 prompt number.</summary>
    private static JValue PythonInt(JValue value) => value switch
    {
        JNumber { IsInteger: true } n => n.Text is "-0" ? 0 : n,
        JNumber n when double.IsFinite(n.ToDouble()) && Math.Abs(n.ToDouble()) < 1e18 => (long)Math.Truncate(n.ToDouble()),
        JLiteral { Kind: JKind.True } => 1,
        JLiteral { Kind: JKind.False } => 0,
        JString s when long.TryParse(s.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw V3Converter.Fail($"an nbformat 1 prompt number {JsonText.Truncate(value)} is not an integer"),
    };
}
