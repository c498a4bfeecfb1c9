using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Quire.Conversion.Html.Tex;

namespace Quire.Conversion.Html;

/// <summary>
/// <c>$…$</c> (and <c>$$…$$</c> inside a paragraph) typeset as MathML by KaTeX (<see cref="MathFormulas"/>): the
/// browser lays it out, so the exported page carries no script and no math fonts.
/// </summary>
internal sealed class MathInlineRenderer(MathFormulas formulas) : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj)
    {
        var delimiter = new string(obj.Delimiter, obj.DelimiterCount);
        var display = obj.DelimiterCount == 2;

        // Display math inside a paragraph stays a span (a div may not sit in a <p>) styled as a block.
        renderer.Write(display ? "<span class=\"jp-Math jp-Math-block\">" : "<span class=\"jp-Math jp-Math-inline\">")
            .Write(formulas.Add(obj.Content.ToString(), delimiter, display))
            .Write("</span>");
    }
}
