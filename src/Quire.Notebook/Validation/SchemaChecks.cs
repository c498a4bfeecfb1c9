using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>The JSON Schema keywords the notebook schemas use (type, required, additionalProperties, ...), Draft 4 style.</summary>
internal static class SchemaChecks
{
    /// <summary>A value's JSON Schema type with its article: "an integer", "a string", "null".</summary>
    public static string Describe(JValue value) => value.Kind switch
    {
        JKind.Object => "an object",
        JKind.Array => "an array",
        JKind.String => "a string",
        JKind.Number => ((JNumber)value).IsInteger ? "an integer" : "a number",
        JKind.True or JKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>A short JSON rendering of a value for a message.</summary>
    public static string Show(JValue value) => JsonText.Truncate(value);

    public static string Show(string key) => JsonText.Truncate(JString.From(key));

    public static void ReportType(ValidationContext context, string expected, JValue found) =>
        context.Report($"expected {expected}, found {Describe(found)}");

    public static void ReportTypeAt(ValidationContext context, string key, string expected, JValue found) =>
        context.ReportAt(key, $"expected {expected}, found {Describe(found)}");

    /// <summary><c>required</c>: one issue, at the object, per missing key.</summary>
    public static void Required(ValidationContext context, JObject obj, ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (!obj.ContainsKey(key))
            {
                context.Report($"missing required property {Show(key)}");
            }
        }
    }

    /// <summary><c>additionalProperties: false</c>, unless the notebook is from a future minor version.</summary>
    public static void NoOtherProperties(ValidationContext context, JObject obj, ReadOnlySpan<string> allowed)
    {
        if (!context.Profile.RejectsUnknownProperties)
        {
            return;
        }

        foreach (var property in obj.Properties)
        {
            if (!allowed.Contains(property.Key))
            {
                context.Report($"unexpected property {Show(property.Key)}");
            }
        }
    }

    /// <summary>The property <paramref name="key"/>, when present, is a string.</summary>
    public static void String(ValidationContext context, JObject parent, string key)
    {
        if (parent[key] is { } value and not JString)
        {
            ReportTypeAt(context, key, "a string", value);
        }
    }

    /// <summary>The property <paramref name="key"/>, when present, is a boolean.</summary>
    public static void Boolean(ValidationContext context, JObject parent, string key)
    {
        if (parent[key] is { Kind: not (JKind.True or JKind.False) } value)
        {
            ReportTypeAt(context, key, "a boolean", value);
        }
    }

    /// <summary>The property <paramref name="key"/>, when present, is an object.</summary>
    public static void Object(ValidationContext context, JObject parent, string key)
    {
        if (parent[key] is { } value and not JObject)
        {
            ReportTypeAt(context, key, "an object", value);
        }
    }

    /// <summary>The property <paramref name="key"/>, when present, is an array.</summary>
    public static void Array(ValidationContext context, JObject parent, string key)
    {
        if (parent[key] is { } value and not JArray)
        {
            ReportTypeAt(context, key, "an array", value);
        }
    }

    /// <summary><c>misc/multiline_string</c>: a string or an array of strings.</summary>
    public static void MultilineString(ValidationContext context, JValue value)
    {
        if (value is JArray lines)
        {
            StringItems(context, lines);
        }
        else if (value is not JString)
        {
            ReportType(context, "a string or an array of strings", value);
        }
    }

    /// <summary><c>type: array, items: {type: string}</c>.</summary>
    public static void StringArray(ValidationContext context, JValue value)
    {
        if (value is JArray items)
        {
            StringItems(context, items);
        }
        else
        {
            ReportType(context, "an array of strings", value);
        }
    }

    /// <summary>Every item of <paramref name="items"/> is a string; one issue per item that is not.</summary>
    public static void StringItems(ValidationContext context, JArray items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JString)
            {
                using (context.Enter(i))
                {
                    ReportType(context, "a string", items[i]);
                }
            }
        }
    }

    /// <summary><c>type: [integer, null], minimum: 0</c>, as execution counts are.</summary>
    public static void ExecutionCount(ValidationContext context, JValue value)
    {
        if (value is JNumber { IsInteger: true } number)
        {
            if (IsNegative(number))
            {
                context.Report($"must be 0 or greater, found {Show(number)}");
            }
        }
        else if (value.Kind != JKind.Null)
        {
            ReportType(context, "an integer or null", value);
        }
    }

    /// <summary>True for an integer below zero (<c>-0</c> is zero, as Python reads it).</summary>
    public static bool IsNegative(JNumber integer)
    {
        var text = integer.Text;
        return text.StartsWith('-') && text.AsSpan(1).ContainsAnyExcept('0');
    }

    /// <summary>True for an integer equal to zero.</summary>
    public static bool IsZero(JNumber integer) => !integer.Text.AsSpan().TrimStart('-').ContainsAnyExcept('0');
}
