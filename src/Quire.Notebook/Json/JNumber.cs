using System.Globalization;

namespace Quire.Notebook.Json;

/// <summary>
/// A JSON number, kept as its text so that integers of any size survive. Python reads a number with a fraction or
/// an exponent as a float and anything else as an int; <see cref="IsInteger"/> follows the same rule.
/// </summary>
public sealed class JNumber : JValue
{
    private JNumber(string text, bool isInteger)
    {
        Text = text;
        IsInteger = isInteger;
    }

    public override JKind Kind => JKind.Number;

    /// <summary>The number as it appeared in the JSON text.</summary>
    public string Text { get; }

    /// <summary>True when Python would read the number as an <c>int</c> (no fraction, no exponent).</summary>
    public bool IsInteger { get; }

    public static JNumber From(long value) => new(value.ToString(CultureInfo.InvariantCulture), isInteger: true);

    public static JNumber From(double value) => new(PythonFloat.Repr(value), isInteger: false);

    /// <summary>Wraps number text that is already valid JSON.</summary>
    internal static JNumber FromJsonText(string text)
    {
        var isInteger = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        return new JNumber(text, isInteger);
    }

    /// <summary>Python's <c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c>, which its <c>json</c> reads and writes.</summary>
    internal static JNumber FromPythonConstant(string text) => new(text, isInteger: false);

    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && IsInteger;

    public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
