namespace Quire.Conversion.Highlighting;

/// <summary>Writes code as HTML with Pygments' short token classes (<c>k</c>, <c>s</c>, <c>c</c>, …), which the stylesheets colour.</summary>
internal interface ICodeHighlighter
{
    void WriteHtml(Html.HtmlWriter writer, string code);
}
