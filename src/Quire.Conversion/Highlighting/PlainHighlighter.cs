namespace Quire.Conversion.Highlighting;

/// <summary>No highlighting: for languages no grammar covers.</summary>
internal sealed class PlainHighlighter : ICodeHighlighter
{
    public static PlainHighlighter Instance { get; } = new();

    public void WriteHtml(Html.HtmlWriter writer, string code) => writer.Text(code);
}
