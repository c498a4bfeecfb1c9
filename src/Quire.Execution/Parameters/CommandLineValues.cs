using System.Globalization;
using System.Text.RegularExpressions;
using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// How papermill's CLI types a <c>-p NAME VALUE</c> value (<c>papermill/cli.py</c>, <c>_resolve_type</c>):
/// <c>True</c>/<c>False</c> become booleans, <c>None</c> null, what Python's <c>int()</c> accepts an int, what
/// <c>float()</c> accepts a float, anything else stays the string it was. <c>-r</c> values are always strings.
/// </summary>
public static partial class CommandLineValues
{
    public static JValue Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text switch
        {
            "True" => JLiteral.True,
            "False" => JLiteral.False,
            "None" => JLiteral.Null,
            _ => TryInt(text) ?? TryFloat(text) ?? (JValue)JString.From(text),
        };
    }

    // Python's int(): surrounding whitespace, a sign, decimal digits with single underscores between them.
    private static JValue? TryInt(string text)
    {
        var match = IntPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["digits"].Value.Replace("_", string.Empty, StringComparison.Ordinal).TrimStart('0');
        var sign = match.Groups["sign"].Value == "-" && digits.Length > 0 ? "-" : string.Empty;

        // Any size, as Python's int: the JSON text keeps every digit.
        return JsonParser.Parse(sign + (digits.Length == 0 ? "0" : digits));
    }

    // Python's float(): the same decimal forms plus an exponent, "nan", "inf" and "infinity" in any case.
    private static JNumber? TryFloat(string text)
    {
        var trimmed = text.Trim();
        var match = FloatPattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var special = match.Groups["special"].Value.ToLowerInvariant();
        var negative = trimmed.StartsWith('-');
        var value = special switch
        {
            "nan" => double.NaN,
            "inf" or "infinity" => negative ? double.NegativeInfinity : double.PositiveInfinity,
            _ => double.Parse(trimmed.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return JNumber.From(value);
    }

    [GeneratedRegex(@"^\s*(?<sign>[+-]?)(?<digits>[0-9](?:_?[0-9])*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(
        @"^[+-]?(?:(?<special>nan|inf|infinity)|(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FloatPattern();
}
