using System.Globalization;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// Small cells that a kernel has never seen, the same five kinds in each language (a variable, a print, an
/// expression, a function, a query or comprehension), numbered so that no cell repeats: what a notebook of small
/// cells costs, where no compilation cache helps.
/// </summary>
internal static class NovelCells
{
    public static readonly string[] Kinds = ["variable", "print", "expression", "function", "query"];

    /// <summary>The cells in the order they are sent: kind after kind, <paramref name="count"/> in all.</summary>
    public static IReadOnlyList<(string Kind, string Code)> For(string kernelName, int count)
    {
        var cells = new List<(string, string)>(count);
        for (var i = 0; cells.Count < count; i++)
        {
            var codes = kernelName == "python3" ? Python(i) : CSharp(i);
            for (var k = 0; k < Kinds.Length && cells.Count < count; k++)
            {
                cells.Add((Kinds[k], codes[k]));
            }
        }

        return cells;
    }

    private static string[] Python(int i) => Invariant(
    [
        $"a{i} = {i}",
        $"print(a{i} * 2)",
        $"a{i} + 1",
        $"def f{i}(x):\n    return x * {i} + a{i}",
        $"sum(x * 2 for x in [1, 2, {i}] if x > 1)",
    ]);

    private static string[] CSharp(int i) => Invariant(
    [
        $"var a{i} = {i};",
        $"Console.WriteLine(a{i} * 2);",
        $"a{i} + 1",
        $"int F{i}(int x) => x * {i} + a{i};",
        $"new List<int> {{ 1, 2, {i} }}.Where(x => x > 1).Select(x => x * 2).Sum()",
    ]);

    private static string[] Invariant(FormattableString[] cells) => [.. cells.Select(c => c.ToString(CultureInfo.InvariantCulture))];
}
