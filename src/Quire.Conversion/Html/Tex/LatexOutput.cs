namespace Quire.Conversion.Html.Tex;

/// <summary>
/// A <c>text/latex</c> output (SymPy's <c>$\displaystyle …$</c>, IPython's <c>Math</c> and <c>Latex</c>) as display
/// MathML: the math between its delimiters (<c>$$ $$</c>, <c>$ $</c>, <c>\[ \]</c>, <c>\( \)</c>), or the whole text
/// when it has none (KaTeX reads <c>\begin{equation}</c> and friends). Null when KaTeX cannot render it.
/// </summary>
internal static class LatexOutput
{
    private static readonly (string Open, string Close)[] Delimiters = [("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$")];

    public static string? ToMathMl(string text)
    {
        var tex = text.Trim();
        foreach (var (open, close) in Delimiters)
        {
            if (tex.Length >= open.Length + close.Length && tex.StartsWith(open, StringComparison.Ordinal) && tex.EndsWith(close, StringComparison.Ordinal))
            {
                var inner = tex[open.Length..^close.Length];

                // "$a$ and $b$" is text with math in it, not one formula: leave it to the fallback.
                if (!inner.Contains(open, StringComparison.Ordinal))
                {
                    tex = inner;
                }

                break;
            }
        }

        return KatexMath.ToMathMl(tex, display: true);
    }
}
