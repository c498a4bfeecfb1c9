using System.Globalization;
using System.Text;

namespace Quire.Notebook.Json;

/// <summary>Formats a double exactly as Python's <c>float.__repr__</c> (and so <c>json.dumps</c>) does.</summary>
public static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "R" gives the shortest digits that round-trip, as Python's repr does; only the layout differs.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (negative, digits, exponent) = Decompose(shortest);
        return Layout(negative, digits, exponent);
    }

    /// <summary>Splits "-1.2345E-07" into sign, significant digits "12345" and the decimal exponent of the first digit (-7).</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(string text)
    {
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var all = integerPart + fraction;
        var firstNonZero = 0;
        while (firstNonZero < all.Length - 1 && all[firstNonZero] == '0')
        {
            firstNonZero++;
        }

        var digits = all[firstNonZero..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        // Position of the first significant digit relative to the decimal point.
        var pointExponent = integerPart.Length - 1 - firstNonZero + exponent;
        return (negative, digits, pointExponent);
    }

    private static string Layout(bool negative, string digits, int exponent)
    {
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        // Python's repr: scientific when the exponent is < -4 or >= 16, else positional with at least one fraction digit.
        if (exponent < -4 || exponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            sb.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            return sb.ToString();
        }

        if (digits.Length <= exponent + 1)
        {
            sb.Append(digits).Append('0', exponent + 1 - digits.Length).Append(".0");
            return sb.ToString();
        }

        sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        return sb.ToString();
    }
}
