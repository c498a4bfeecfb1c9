using System.Globalization;
using System.Text;
using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// Writes parameters as source code of a kernel's language, as papermill's translators do
/// (<c>papermill/translators.py</c>): a comment line <c>Parameters</c>, then one assignment per parameter, every
/// value a literal of the language. Strings are escaped completely (papermill's <c>unicode_escape</c> plus quotes), so
/// no string can end its literal early and run as code.
/// </summary>
public abstract class ParameterTranslator
{
    /// <summary>The injected cell's source, ending with a newline as papermill's does.</summary>
    public string Codify(IEnumerable<KeyValuePair<string, JValue>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var content = new StringBuilder();
        content.Append(Comment("Parameters")).Append('\n');
        foreach (var (name, value) in parameters)
        {
            ParameterNames.ThrowIfInvalid(name);
            content.Append(Assign(name, Translate(value))).Append('\n');
        }

        return content.ToString();
    }

    /// <summary>The literal for one value.</summary>
    public string Translate(JValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            JString s => TranslateString(s.Value),
            JLiteral { Kind: JKind.True } => TranslateBool(true),
            JLiteral { Kind: JKind.False } => TranslateBool(false),
            JLiteral => TranslateNull(),
            JNumber { IsInteger: true } n => TranslateInteger(n.Text),
            JNumber n => TranslateFloat(n.ToDoubleOrSpecial()),
            JArray a => TranslateList(a.Items),
            JObject o => TranslateDict(o),
            _ => TranslateString(value.ToString()),
        };
    }

    protected abstract string Comment(string text);

    protected abstract string Assign(string name, string literal);

    protected abstract string TranslateString(string value);

    protected abstract string TranslateBool(bool value);

    protected abstract string TranslateNull();

    protected virtual string TranslateInteger(string digits) => digits;

    protected abstract string TranslateFloat(double value);

    protected abstract string TranslateList(IReadOnlyList<JValue> items);

    protected abstract string TranslateDict(JObject members);

    /// <summary>
    /// papermill's <c>translate_escaped_str</c>: Python's <c>unicode_escape</c> codec (backslash doubled; tab, newline
    /// and carriage return named; other characters outside printable ASCII as <c>\xhh</c>, <c>\uhhhh</c> or
    /// <c>\Uhhhhhhhh</c>), then <c>"</c> escaped, in double quotes. Valid in Python and R string literals alike.
    /// </summary>
    protected static string UnicodeEscapedString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    result.Append(@"\\");
                    break;
                case '"':
                    result.Append("\\\"");
                    break;
                case '\t':
                    result.Append(@"\t");
                    break;
                case '\n':
                    result.Append(@"\n");
                    break;
                case '\r':
                    result.Append(@"\r");
                    break;
                case >= ' ' and < '\x7f':
                    result.Append(c);
                    break;
                case < '\x100':
                    result.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        result.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, value[i + 1]):x8}");
                        i++;
                    }
                    else
                    {
                        result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }
}
