using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Quire.Conversion.Html.Tex;
using Quire.Notebook.Json;

namespace Quire.Conversion.Html;

/// <summary>
/// Markdown cells and text/markdown outputs to HTML with Markdig: CommonMark plus pipe and grid tables, math typeset as
/// MathML, strikethrough, task lists, footnotes and autolinks; <c>attachment:NAME</c> images become data URIs of the
/// cell's attachments. The HTML is sanitized when the options ask for it.
/// </summary>
internal sealed class MarkdownHtml
{
    private static readonly string[] AttachmentImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseMathematics()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .Build();

    private readonly OutputSanitizer? _sanitizer;

    public MarkdownHtml(OutputSanitizer? sanitizer) => _sanitizer = sanitizer;

    public string ToHtml(string markdown, JObject? attachments)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        if (attachments is not null)
        {
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (link.Url is { } url && url.StartsWith("attachment:", StringComparison.Ordinal))
                {
                    link.Url = AttachmentUri(attachments, Uri.UnescapeDataString(url["attachment:".Length..])) ?? string.Empty;
                }
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        var formulas = new MathFormulas();
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlMathInlineRenderer>(new MathInlineRenderer(formulas));
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlMathBlockRenderer>(new MathBlockRenderer(formulas));
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        return formulas.Substitute(_sanitizer is null ? html : _sanitizer.Sanitize(html));
    }

    /// <summary>A data URI for an attachment's image, or null when the cell has no such attachment or it is not an image.</summary>
    private static string? AttachmentUri(JObject attachments, string name)
    {
        if (attachments.GetObject(name) is not { } bundle)
        {
            return null;
        }

        foreach (var type in AttachmentImageTypes)
        {
            if (bundle[type] is JString data)
            {
                var bytes = data.Utf8.Span;
                if (type == "image/svg+xml")
                {
                    return "data:image/svg+xml;base64," + Convert.ToBase64String(bytes);
                }

                if (Base64Data.IsClean(bytes))
                {
                    return $"data:{type};base64," + System.Text.Encoding.ASCII.GetString(Base64Data.WithoutWhitespace(bytes));
                }
            }
        }

        return null;
    }
}
