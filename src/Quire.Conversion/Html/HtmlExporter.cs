using System.Globalization;
using Quire.Conversion.Highlighting;
using Quire.Notebook;

namespace Quire.Conversion.Html;

/// <summary>
/// nbconvert's HTML exporter: one self-contained file (styles inline, images as data URIs, nothing fetched) with
/// JupyterLab's cell markup, server-side syntax highlighting, ANSI colours, Markdown with tables and math, and
/// sanitized HTML outputs. The <c>basic</c> template writes the cells only, for embedding.
/// </summary>
public sealed class HtmlExporter : INotebookExporter
{
    public string FileExtension(NotebookDocument document) => ".html";

    public void Export(NotebookDocument document, Stream output, ExportResources resources, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        using var writer = new HtmlWriter(output);
        var sanitizer = options.SanitizeHtml ? new OutputSanitizer() : null;
        var markdown = new MarkdownHtml(sanitizer);
        var outputs = new OutputHtml(writer, options, sanitizer, markdown);
        var language = CodeLanguage(document);
        using var highlighted = HighlightedCells.Prepare(document, options.Highlighter, language, skip: options.NoInput);

        if (options.Template != HtmlTemplate.Basic)
        {
            HtmlPage.WriteHead(writer, options);
        }

        writer.Raw("<main class=\"jp-Notebook\" data-jp-theme-light=\"true\">\n");
        foreach (var cell in document.Cells)
        {
            switch (cell)
            {
                case CodeCell code:
                    WriteCode(writer, code, options, highlighted, CodeHighlighters.LanguageId(language) ?? "text", outputs);
                    break;
                case MarkdownCell md:
                    WriteMarkdown(writer, md, markdown);
                    break;
                case RawCell raw:
                    WriteRaw(writer, raw, sanitizer);
                    break;
                default:
                    break;
            }
        }

        writer.Raw("</main>\n");
        if (options.Template != HtmlTemplate.Basic)
        {
            writer.Raw("</body>\n</html>\n");
        }
    }

    /// <summary>The language that picks the highlighter: <c>language_info.name</c>, else the kernelspec's language.</summary>
    internal static string? CodeLanguage(NotebookDocument document) =>
        document.Metadata.GetObject("language_info")?.GetString("name") ?? document.Language;

    private static void WriteCode(HtmlWriter writer, CodeCell cell, ConversionOptions options, HighlightedCells highlighted, string languageId, OutputHtml outputHtml)
    {
        var outputs = OutputStreams.Coalesce(cell.Outputs);
        var classes = "jp-Cell jp-CodeCell jp-Notebook-cell" + (outputs.Count == 0 ? " jp-mod-noOutputs" : string.Empty) + (options.NoInput ? " jp-mod-noInput" : string.Empty);
        writer.Raw("<div class=\"").Raw(classes).Raw(TagClasses(cell)).Raw("\">\n");
        if (!options.NoInput)
        {
            writer.Raw("<div class=\"jp-Cell-inputWrapper\"><div class=\"jp-InputArea jp-Cell-inputArea\">\n<div class=\"jp-InputPrompt jp-InputArea-prompt\">In&nbsp;[")
                .Raw(cell.ExecutionCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : "&nbsp;")
                .Raw("]:</div>\n<div class=\"jp-CodeMirrorEditor jp-Editor jp-InputArea-editor\" data-type=\"inline\"><div class=\"highlight hl-")
                .Raw(languageId)
                .Raw("\"><pre>");
            writer.Raw(highlighted.For(cell));
            writer.Raw("</pre></div></div>\n</div></div>\n");
        }

        if (outputs.Count > 0)
        {
            writer.Raw("<div class=\"jp-Cell-outputWrapper\"><div class=\"jp-OutputArea jp-Cell-outputArea\">\n");
            foreach (var output in outputs)
            {
                outputHtml.Write(output);
            }

            writer.Raw("</div></div>\n");
        }

        writer.Raw("</div>\n");
    }

    private static void WriteMarkdown(HtmlWriter writer, MarkdownCell cell, MarkdownHtml markdown)
    {
        writer.Raw("<div class=\"jp-Cell jp-MarkdownCell jp-Notebook-cell").Raw(TagClasses(cell)).Raw("\">\n")
            .Raw("<div class=\"jp-Cell-inputWrapper\"><div class=\"jp-InputArea jp-Cell-inputArea\">")
            .Raw("<div class=\"jp-InputPrompt jp-InputArea-prompt\"></div>\n")
            .Raw("<div class=\"jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput\" data-mime-type=\"text/markdown\">\n")
            .Raw(markdown.ToHtml(cell.Source, cell.Attachments))
            .Raw("</div>\n</div></div>\n</div>\n");
    }

    /// <summary>As nbconvert: a raw cell is included only when its <c>raw_mimetype</c> is unset or HTML.</summary>
    private static void WriteRaw(HtmlWriter writer, RawCell cell, OutputSanitizer? sanitizer)
    {
        var mime = cell.Metadata.GetString("raw_mimetype") ?? string.Empty;
        if (mime.Length == 0 || mime.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        {
            writer.Raw(sanitizer is null ? cell.Source : sanitizer.Sanitize(cell.Source)).Raw("\n");
        }
    }

    /// <summary>nbconvert's <c>celltags</c> filter: each tag as a <c>celltag_NAME</c> class (characters outside [A-Za-z0-9_-] dropped).</summary>
    private static string TagClasses(NotebookCell cell)
    {
        var tags = cell.Tags;
        if (tags.Count == 0)
        {
            return string.Empty;
        }

        return string.Concat(tags.Select(t => " celltag_" + new string([.. t.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')])));
    }
}
