namespace Quire.Notebook.Json;

/// <summary>
/// An immutable JSON value. Notebooks are kept as a lossless tree of these so that metadata, fields and numbers
/// Quire does not understand survive a read/write round trip byte for byte.
/// </summary>
public abstract class JValue
{
    private protected JValue()
    {
    }

    public abstract JKind Kind { get; }

    /// <summary>The value as a string when it is a <see cref="JString"/>, else <c>null</c>.</summary>
    public string? AsString() => (this as JString)?.Value;

    /// <summary>The value as an object when it is a <see cref="JObject"/>, else <c>null</c>.</summary>
    public JObject? AsObject() => this as JObject;

    /// <summary>The value as an array when it is a <see cref="JArray"/>, else <c>null</c>.</summary>
    public JArray? AsArray() => this as JArray;

    /// <summary>A short name of the kind as JSON Schema names types ("object", "string", "integer", ...).</summary>
    public string TypeName => Kind switch
    {
        JKind.Object => "object",
        JKind.Array => "array",
        JKind.String => "string",
        JKind.Number => ((JNumber)this).IsInteger ? "integer" : "number",
        JKind.True or JKind.False => "boolean",
        _ => "null",
    };

    public static implicit operator JValue(string value) => JString.From(value);

    public static implicit operator JValue(long value) => JNumber.From(value);

    public static implicit operator JValue(bool value) => value ? JLiteral.True : JLiteral.False;

    /// <summary>Structural equality (numbers compare by their text, objects ignore property order).</summary>
    public static bool DeepEquals(JValue? a, JValue? b) => JValueEquality.DeepEquals(a, b);

    /// <summary>Compact JSON (no indentation, keys in their order), for messages and tests.</summary>
    public override string ToString() => JsonText.ToCompactString(this);
}
