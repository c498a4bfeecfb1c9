using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// The reshaping nbformat 4 does between the file and memory (<c>nbformat/v4/rwbase.py</c>): multi-line text is joined
/// into one string on read and split into lines on write, and transient keys are dropped both ways. Each step is
/// defensive: a notebook of the wrong shape passes through and is left for validation to report.
/// </summary>
public static class NbformatTransforms
{
    /// <summary>Joins split text as nbformat's <c>rejoin_lines</c> does.</summary>
    public static JObject RejoinLines(JObject nb) => MapCells(nb, RejoinCell);

    /// <summary>Splits text into lines as nbformat's <c>split_lines</c> does.</summary>
    public static JObject SplitLines(JObject nb) => MapCells(nb, SplitCell);

    /// <summary>Drops <c>orig_nbformat</c>, <c>orig_nbformat_minor</c>, <c>signature</c> and cells' <c>trusted</c>.</summary>
    public static JObject StripTransient(JObject nb)
    {
        var result = nb;
        if (nb.GetObject("metadata") is { } metadata)
        {
            var stripped = metadata.Without("orig_nbformat", "orig_nbformat_minor", "signature");
            if (!ReferenceEquals(stripped, metadata))
            {
                result = result.With("metadata", stripped);
            }
        }

        return MapCells(result, cell => cell.GetObject("metadata") is { } m && m.ContainsKey("trusted") ? cell.With("metadata", m.Without("trusted")) : cell);
    }

    /// <summary>True for mime types whose values are JSON, which are never joined or split.</summary>
    public static bool IsJsonMime(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>True for mime types whose string values nbformat splits into lines on write.</summary>
    public static bool IsSplitMime(string mime) =>
        mime.StartsWith("text/", StringComparison.Ordinal) || mime is "application/javascript" or "image/svg+xml";

    /// <summary>Concatenates a list of strings (the UTF-8 of each, so that a \r\n split across items rejoins exactly).</summary>
    public static JString Join(JArray lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.StringSegments is { } segments)
        {
            return JString.Concatenation(segments);
        }

        if (lines.Count == 1 && lines[0] is JString only)
        {
            return only;
        }

        return JString.Concatenation([.. lines.Select(l => ((JString)l).Utf8)]);
    }

    private static JObject MapCells(JObject nb, Func<JObject, JObject> map)
    {
        if (nb.GetArray("cells") is not { } cells)
        {
            return nb;
        }

        JValue[]? changed = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is JObject cell)
            {
                var mapped = map(cell);
                if (!ReferenceEquals(mapped, cell))
                {
                    changed ??= [.. cells.Items];
                    changed[i] = mapped;
                }
            }
        }

        return changed is null ? nb : nb.With("cells", JArray.Of(changed));
    }

    private static JObject RejoinCell(JObject cell)
    {
        var result = cell;
        if (cell["source"] is JArray source && AllStrings(source))
        {
            result = result.With("source", Join(source));
        }

        result = MapAttachments(result, RejoinBundle);
        if (cell.GetString("cell_type") == "code")
        {
            result = MapOutputs(result, output =>
            {
                var type = output["output_type"];
                if (type is JString s && (s.ValueEquals("execute_result") || s.ValueEquals("display_data")))
                {
                    return output.GetObject("data") is { } data ? With(output, "data", data, RejoinBundle(data)) : output;
                }

                // Python: "elif output_type:" (any truthy output type) joins "text".
                return V3Converter.Truthy(type) && output["text"] is JArray text && AllStrings(text) ? output.With("text", Join(text)) : output;
            });
        }

        return result;
    }

    private static JObject SplitCell(JObject cell)
    {
        var result = cell;
        if (cell["source"] is JString source)
        {
            result = result.With("source", PythonLines.SplitToArray(source));
        }

        result = MapAttachments(result, SplitBundle);
        if (cell.GetString("cell_type") == "code")
        {
            result = MapOutputs(result, output =>
            {
                var type = output.GetString("output_type");
                if (type is "execute_result" or "display_data")
                {
                    return output.GetObject("data") is { } data ? With(output, "data", data, SplitBundle(data)) : output;
                }

                return type == "stream" && output["text"] is JString text ? output.With("text", PythonLines.SplitToArray(text)) : output;
            });
        }

        return result;
    }

    private static JObject RejoinBundle(JObject data) => MapValues(data, (key, value) =>
        !IsJsonMime(key) && value is JArray lines && AllStrings(lines) ? Join(lines) : value);

    private static JObject SplitBundle(JObject data) => MapValues(data, (key, value) =>
        value is JString s && IsSplitMime(key) ? PythonLines.SplitToArray(s) : value);

    private static JObject MapAttachments(JObject cell, Func<JObject, JObject> map)
    {
        if (cell.GetObject("attachments") is not { } attachments)
        {
            return cell;
        }

        var mapped = MapValues(attachments, (_, value) => value is JObject bundle ? map(bundle) : value);
        return With(cell, "attachments", attachments, mapped);
    }

    private static JObject MapOutputs(JObject cell, Func<JObject, JObject> map)
    {
        if (cell.GetArray("outputs") is not { } outputs)
        {
            return cell;
        }

        JValue[]? changed = null;
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is JObject output)
            {
                var mapped = map(output);
                if (!ReferenceEquals(mapped, output))
                {
                    changed ??= [.. outputs.Items];
                    changed[i] = mapped;
                }
            }
        }

        return changed is null ? cell : cell.With("outputs", JArray.Of(changed));
    }

    private static JObject MapValues(JObject obj, Func<string, JValue, JValue> map)
    {
        List<KeyValuePair<string, JValue>>? changed = null;
        var properties = obj.Properties;
        for (var i = 0; i < properties.Length; i++)
        {
            var (key, value) = properties[i];
            var mapped = map(key, value);
            if (!ReferenceEquals(mapped, value) && changed is null)
            {
                changed = [.. properties];
            }

            if (changed is not null)
            {
                changed[i] = new(key, mapped);
            }
        }

        return changed is null ? obj : JObject.From(changed);
    }

    private static JObject With(JObject parent, string key, JObject before, JObject after) =>
        ReferenceEquals(before, after) ? parent : parent.With(key, after);

    private static bool AllStrings(JArray array) => array.IsAllStrings();
}
