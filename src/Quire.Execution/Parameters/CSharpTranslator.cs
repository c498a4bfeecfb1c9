using System.Globalization;
using System.Text;
using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// C#, after papermill's <c>CSharpTranslator</c> (<c>var name = literal;</c>, ints past 32 bits with an <c>L</c>,
/// dicts as <c>Dictionary&lt;string, object&gt;</c>) where it works, and beyond it where papermill's does not: null
/// (papermill raises) is <c>object? name = null;</c>, lists of one kind are typed arrays and mixed or empty ones
/// <c>object?[]</c> (papermill's <c>new [] { }</c> does not compile for either), ints past 64 bits are
/// <c>BigInteger</c>. Names are written <c>@name</c>, so a keyword is a name too. Strings are regular literals with
/// every character outside printable ASCII escaped, so <c>{</c>, <c>$</c>, <c>@</c> and quotes stay text.
/// </summary>
public sealed class CSharpTranslator : ParameterTranslator
{
    private const string Dictionary = "global::System.Collections.Generic.Dictionary<string, object?>";

    protected override string Comment(string text) => $"// {text}";

    protected override string Assign(string name, string literal) =>
        literal == "null" ? $"object? @{name} = null;" : $"var @{name} = {literal};";

    protected override string TranslateString(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => result.Append(@"\\"),
                '"' => result.Append("\\\""),
                '\n' => result.Append(@"\n"),
                '\r' => result.Append(@"\r"),
                '\t' => result.Append(@"\t"),
                >= ' ' and < '\x7f' => result.Append(c),
                _ => result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
            };
        }

        return result.Append('"').ToString();
    }

    protected override string TranslateBool(bool value) => value ? "true" : "false";

    protected override string TranslateNull() => "null";

    protected override string TranslateInteger(string digits)
    {
        if (int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return digits;
        }

        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? digits + "L"
            : $"global::System.Numerics.BigInteger.Parse(\"{digits}\", global::System.Globalization.CultureInfo.InvariantCulture)";
    }

    protected override string TranslateFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        // Python's repr is a valid C# double literal once it has a dot or an exponent ("1e+20", "0.5", "3.0").
        var repr = PythonFloat.Repr(value);
        return repr.AsSpan().IndexOfAny('.', 'e') >= 0 ? repr : repr + ".0";
    }

    protected override string TranslateList(IReadOnlyList<JValue> items)
    {
        var element = ElementType(items);
        return $"new {element}[] {{ {string.Join(", ", items.Select(Translate))} }}";
    }

    protected override string TranslateDict(JObject members) =>
        members.Count == 0
            ? $"new {Dictionary}()"
            : $"new {Dictionary} {{ {string.Join(", ", members.Select(m => $"{{ {TranslateString(m.Key)}, {Translate(m.Value)} }}"))} }}";

    // One C# type for all items when there is one (ints widen to long, or to double beside floats), else object?.
    private string ElementType(IReadOnlyList<JValue> items)
    {
        if (items.Count == 0)
        {
            return "object?";
        }

        var types = items.Select(i => i switch
        {
            JString => "string",
            JLiteral { Kind: JKind.True or JKind.False } => "bool",
            JNumber { IsInteger: true } n => TranslateInteger(n.Text).EndsWith('L') ? "long" : TranslateInteger(n.Text).Contains('(', StringComparison.Ordinal) ? "object?" : "int",
            JNumber => "double",
            _ => "object?",
        }).Distinct(StringComparer.Ordinal).ToList();
        return types switch
        {
            [var only] => only,
            _ when types.All(t => t is "int" or "long") => "long",
            _ when types.All(t => t is "int" or "long" or "double") => "double",
            _ => "object?",
        };
    }
}
