using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Quire.Conversion.Html;

/// <summary>A <c>$$…$$</c> block shown as its TeX source (see <see cref="MathInlineRenderer"/> for why).</summary>
internal sealed class MathBlockRenderer : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"jp-Math jp-Math-block\">$$\n");
        renderer.WriteLeafRawLines(obj, true, true);
        renderer.Write("$$</div>");
        renderer.EnsureLine();
    }
}
