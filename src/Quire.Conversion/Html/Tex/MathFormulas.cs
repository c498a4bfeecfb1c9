using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Quire.Conversion.Html.Tex;

/// <summary>
/// The formulas of one Markdown render. Each is written as a token of letters and digits, which Markdig and the
/// sanitizer leave alone, and replaced by KaTeX's MathML once the HTML is sanitized: the sanitizer knows no MathML, and
/// KaTeX's output is built from the TeX by KaTeX, with nothing of the notebook's passed through as markup. A formula
/// KaTeX cannot render stays its TeX source between its delimiters, as text.
/// </summary>
internal sealed class MathFormulas
{
    private readonly string _nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly List<(string Tex, string Delimiter, bool Display)> _formulas = [];

    public bool IsEmpty => _formulas.Count == 0;

    /// <summary>Records a formula and returns the token to write in its place.</summary>
    public string Add(string tex, string delimiter, bool display)
    {
        _formulas.Add((tex, delimiter, display));
        return string.Create(CultureInfo.InvariantCulture, $"qmath{_nonce}x{_formulas.Count - 1}q");
    }

    public string Substitute(string html)
    {
        if (IsEmpty)
        {
            return html;
        }

        var token = new Regex($"qmath{_nonce}x([0-9]+)q", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        return token.Replace(html, match =>
        {
            var index = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (index >= _formulas.Count)
            {
                return match.Value;
            }

            var (tex, delimiter, display) = _formulas[index];
            return KatexMath.ToMathMl(tex, display) ?? HtmlEncoder.Default.Encode(delimiter + tex + delimiter);
        });
    }
}
