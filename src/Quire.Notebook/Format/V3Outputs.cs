using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>nbformat's <c>v4.convert.upgrade_output</c>: v3 outputs to v4.</summary>
internal static class V3Outputs
{
    /// <summary>v3's short keys and their mime types, in the order nbformat's <c>_mime_map</c> applies them.</summary>
    private static readonly (string Alias, string Mime)[] MimeMap =
    [
        ("text", "text/plain"),
        ("html", "text/html"),
        ("svg", "image/svg+xml"),
        ("png", "image/png"),
        ("jpeg", "image/jpeg"),
        ("latex", "text/latex"),
        ("json", "application/json"),
        ("javascript", "application/javascript"),
    ];

    public static JObject Upgrade(JObject output)
    {
        var type = output["output_type"] ?? throw V3Converter.Fail("an output has no \"output_type\"");
        if (type is JArray or JObject)
        {
            throw V3Converter.Fail("an output's \"output_type\" is not a string");
        }

        var name = (type as JString)?.Value;
        return name switch
        {
            "pyout" or "display_data" => UpgradeRich(output, name == "pyout"),
            "pyerr" => output.With("output_type", "error"),
            "stream" => output.Without("stream").With("name", output["stream"] ?? "stdout"),
            _ => output,
        };
    }

    private static JObject UpgradeRich(JObject output, bool isPyout)
    {
        if (!output.ContainsKey("metadata"))
        {
            output = output.With("metadata", JObject.Empty);
        }

        if (isPyout)
        {
            output = output.Without("prompt_number")
                .With("output_type", "execute_result")
                .With("execution_count", output["prompt_number"] ?? JLiteral.Null);
        }

        var data = new JObjectBuilder();
        var kept = new JObjectBuilder();
        foreach (var (key, value) in output)
        {
            var target = key is "output_type" or "execution_count" or "metadata" ? kept : data;
            target.Set(key, value);
        }

        var bundle = ToMimeKeys(data.Build());
        if (bundle["application/json"] is { } json)
        {
            bundle = bundle.With("application/json", ParseJson(json));
        }

        var result = kept.Build().With("data", bundle);
        return result["metadata"] is JObject metadata ? result.With("metadata", ToMimeKeys(metadata)) : result;
    }

    /// <summary>nbformat's <c>to_mime_key</c>: each alias present moves to its mime type, replacing a value there.</summary>
    private static JObject ToMimeKeys(JObject obj)
    {
        foreach (var (alias, mime) in MimeMap)
        {
            if (obj.TryGetValue(alias, out var value))
            {
                obj = obj.Without(alias).With(mime, value);
            }
        }

        return obj;
    }

    /// <summary>v3 kept JSON output as text; v4 holds the parsed value (Python's <c>json.loads</c>).</summary>
    private static JValue ParseJson(JValue json)
    {
        if (json is not JString text)
        {
            throw V3Converter.Fail("a \"json\" output is not a string");
        }

        try
        {
            return JsonParser.Parse(text.Utf8);
        }
        catch (JsonSyntaxException ex)
        {
            throw V3Converter.Fail($"a \"json\" output is not valid JSON: {ex.Reason}");
        }
    }
}
