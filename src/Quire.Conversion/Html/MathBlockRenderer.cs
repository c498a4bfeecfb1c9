using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Quire.Conversion.Html.Tex;

namespace Quire.Conversion.Html;

/// <summary>A <c>$$…$$</c> block typeset as display MathML (see <see cref="MathInlineRenderer"/>).</summary>
internal sealed class MathBlockRenderer(MathFormulas formulas) : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"jp-Math jp-Math-block\">").Write(formulas.Add(obj.Lines.ToString(), "$$", display: true)).Write("</div>");
        renderer.EnsureLine();
    }
}
