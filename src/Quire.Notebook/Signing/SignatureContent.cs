using System.Globalization;
using System.Numerics;
using System.Text;
using Quire.Notebook.Json;

namespace Quire.Notebook.Signing;

/// <summary>
/// The bytes Jupyter signs: <c>nbformat.sign.yield_everything</c> over the notebook as Python holds it in memory.
/// Objects give each key (code point order, as <c>sorted()</c>) then its value; arrays their items in order; strings
/// their UTF-8; every other scalar Python's <c>str()</c> of it. Nothing separates the pieces: that is Jupyter's
/// format, and matching it byte for byte is what makes signatures interchangeable.
/// </summary>
public static class SignatureContent
{
    /// <summary>Writes the signed bytes of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void WriteTo(JValue value, Stream output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        Walk(value, output);
    }

    /// <summary>The signed bytes of <paramref name="value"/> in one array (for tests and diagnostics).</summary>
    public static byte[] ToBytes(JValue value)
    {
        using var buffer = new MemoryStream();
        WriteTo(value, buffer);
        return buffer.ToArray();
    }

    /// <summary>Python's <c>str()</c> of the value <c>json.loads</c> makes of this number.</summary>
    public static string PythonStr(JNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        switch (number.Text)
        {
            case "NaN":
                return "nan";
            case "Infinity":
                return "inf";
            case "-Infinity":
                return "-inf";
        }

        if (number.IsInteger)
        {
            // json.loads makes an int of any size; str() writes it canonically ("-0" becomes "0").
            return BigInteger.Parse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        var value = number.ToDouble();
        return double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : PythonFloat.Repr(value);
    }

    private static void Walk(JValue value, Stream output)
    {
        switch (value)
        {
            case JObject obj:
                var keys = obj.Properties.Select(p => p.Key).ToArray();
                Array.Sort(keys, CodePointComparer.Instance);
                foreach (var key in keys)
                {
                    output.Write(Encoding.UTF8.GetBytes(key));
                    Walk(obj[key]!, output);
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    Walk(item, output);
                }

                break;
            case JString text:
                output.Write(text.Utf8.Span);
                break;
            case JNumber number:
                output.Write(Encoding.UTF8.GetBytes(PythonStr(number)));
                break;
            default:
                output.Write(value.Kind switch
                {
                    JKind.True => "True"u8,
                    JKind.False => "False"u8,
                    _ => "None"u8,
                });
                break;
        }
    }
}
