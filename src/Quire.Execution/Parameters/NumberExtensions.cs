using System.Globalization;
using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>Reading a JSON number that may be one of Python's <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
internal static class NumberExtensions
{
    public static double ToDoubleOrSpecial(this JNumber number) => number.Text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
