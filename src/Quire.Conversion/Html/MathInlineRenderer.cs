using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Quire.Conversion.Html;

/// <summary>
/// Math is shown as its TeX source in a styled span (<c>$…$</c>) or block (<c>$$…$$</c>), not typeset: embedding
/// KaTeX would add about 300 KB of script and fonts to every file, and a script in the page is what the sanitizer
/// exists to keep out. The delimiters stay so that a reader (or MathJax added later) sees exactly what was written.
/// </summary>
internal sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj)
    {
        var delimiter = new string(obj.Delimiter, obj.DelimiterCount);
        // $$…$$ inside a paragraph is display math; it stays a span (a div may not sit in a <p>) styled as a block.
        renderer.Write(obj.DelimiterCount == 2 ? "<span class=\"jp-Math jp-Math-block\">" : "<span class=\"jp-Math jp-Math-inline\">").WriteEscape(delimiter).WriteEscape(ref obj.Content).WriteEscape(delimiter).Write("</span>");
    }
}
