namespace Quire.Notebook.Json;

/// <summary>Short renderings of JSON values for messages.</summary>
public static class JsonText
{
    /// <summary>Compact JSON in Python's default layout (", " and ": "), keys sorted.</summary>
    public static string ToCompactString(JValue value) => PythonJsonWriter.ToText(value, indent: -1);

    /// <summary>A rendering cut to <paramref name="maxLength"/> characters, for error messages.</summary>
    public static string Truncate(JValue value, int maxLength = 60)
    {
        var text = value is JString s && s.Utf8Length > maxLength * 4 ? PythonJsonWriter.ToText(JString.FromUtf8(s.Utf8[..(maxLength * 4)]), -1) : ToCompactString(value);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }
}
