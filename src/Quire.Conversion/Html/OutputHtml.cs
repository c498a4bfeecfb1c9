using System.Globalization;
using Quire.Conversion.Html.Tex;
using Quire.Conversion.Text;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Conversion.Html;

/// <summary>Writes a code cell's outputs as JupyterLab's output area (the markup of nbconvert's <c>lab</c> template).</summary>
internal sealed class OutputHtml
{
    private readonly HtmlWriter _writer;
    private readonly ConversionOptions _options;
    private readonly OutputSanitizer? _sanitizer;
    private readonly MarkdownHtml _markdown;
    private readonly IReadOnlyList<string> _priority;

    public OutputHtml(HtmlWriter writer, ConversionOptions options, OutputSanitizer? sanitizer, MarkdownHtml markdown)
    {
        _writer = writer;
        _options = options;
        _sanitizer = sanitizer;
        _markdown = markdown;
        _priority = sanitizer is null ? MimePriority.Html : MimePriority.SanitizedHtml;
    }

    public void Write(NotebookOutput output)
    {
        switch (output)
        {
            case StreamOutput stream:
                Child(null);
                var mime = stream.Name == "stderr" ? "application/vnd.jupyter.stderr" : "text/plain";
                _writer.Raw("<div class=\"jp-RenderedText jp-OutputArea-output\" data-mime-type=\"").Raw(mime).Raw("\"><pre>");
                AnsiText.WriteHtml(_writer, stream.Text);
                _writer.Raw("</pre></div></div>\n");
                break;
            case ErrorOutput error:
                Child(null);
                _writer.Raw("<div class=\"jp-RenderedText jp-OutputArea-output\" data-mime-type=\"application/vnd.jupyter.stderr\"><pre>");
                AnsiText.WriteHtml(_writer, string.Join('\n', error.Traceback));
                _writer.Raw("</pre></div></div>\n");
                break;
            case RichOutput rich:
                WriteRich(rich);
                break;
            default:
                break;
        }
    }

    private void WriteRich(RichOutput output)
    {
        var type = MimePriority.Choose(output.Data, _priority);
        if (type is null)
        {
            return;
        }

        var result = output as ExecuteResultOutput;
        Child(result?.ExecutionCount);
        var extra = result is null ? string.Empty : " jp-OutputArea-executeResult";
        switch (type)
        {
            case "text/html":
                Open("jp-RenderedHTMLCommon jp-RenderedHTML", extra, type);
                var html = output.GetText(type) ?? string.Empty;
                _writer.Raw(_sanitizer is null ? html : _sanitizer.Sanitize(html));
                break;
            case "text/markdown":
                Open("jp-RenderedHTMLCommon jp-RenderedMarkdown", extra, type);
                _writer.Raw(_markdown.ToHtml(output.GetText(type) ?? string.Empty, null));
                break;
            case "image/svg+xml":
                // As an <img>, an SVG can run no script and load nothing, whatever it contains.
                Open("jp-RenderedSVG", extra, type);
                _writer.Raw("<img src=\"data:image/svg+xml;base64,").Raw(Convert.ToBase64String(Utf8Of(output.Data[type]))).Raw("\"");
                Dimensions(output.Metadata, type);
                _writer.Raw(" alt=\"SVG image\">");
                break;
            case "image/png" or "image/jpeg":
                Open("jp-RenderedImage", extra, type);
                WriteImage(output, type);
                break;
            case "text/latex":
                Open("jp-RenderedLatex", extra, type);
                var latex = output.GetText(type) ?? string.Empty;
                if (LatexOutput.ToMathMl(latex) is { } mathMl)
                {
                    _writer.Raw("<div class=\"jp-Math jp-Math-block\">").Raw(mathMl).Raw("</div>");
                }
                else
                {
                    _writer.Raw("<div class=\"jp-Math jp-Math-block\">").Text(latex).Raw("</div>");
                }

                break;
            case "application/javascript":
                Open("jp-RenderedJavaScript", extra, type);
                _writer.Raw("<script type=\"text/javascript\">\n").Raw((output.GetText(type) ?? string.Empty).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Raw("\n</script>");
                break;
            case "application/vnd.jupyter.widget-view+json":
                Open("jupyter-widgets", extra, type);
                _writer.Raw("<pre>").Text(output.GetText("text/plain") ?? "[widget]").Raw("</pre>");
                break;
            default:
                Open("jp-RenderedText", extra, type);
                _writer.Raw("<pre>");
                AnsiText.WriteHtml(_writer, output.GetText(type) ?? string.Empty);
                _writer.Raw("</pre>");
                break;
        }

        _writer.Raw("</div></div>\n");
    }

    private void WriteImage(RichOutput output, string type)
    {
        if (output.Data[type] is not JString data || !Base64Data.IsClean(data.Utf8.Span))
        {
            // Not base64: writing it into an attribute could break out of it, so it is shown as missing instead.
            _writer.Raw("<pre>[").Text(type).Raw(" output that is not base64]</pre>");
            return;
        }

        _writer.Raw("<img src=\"data:").Raw(type).Raw(";base64,").Base64(data.Utf8.Span).Raw("\"");
        Dimensions(output.Metadata, type);
        _writer.Raw(">");
    }

    private void Dimensions(JObject metadata, string type)
    {
        var image = metadata.GetObject(type);
        foreach (var name in (ReadOnlySpan<string>)["width", "height"])
        {
            if (image?[name] is JNumber n && n.TryGetInt64(out var v) && v > 0)
            {
                _writer.Raw(" ").Raw(name).Raw("=\"").Raw(v.ToString(CultureInfo.InvariantCulture)).Raw("\"");
            }
        }
    }

    private void Child(long? executionCount)
    {
        _writer.Raw("<div class=\"jp-OutputArea-child\">\n");
        if (_options.NoInput)
        {
            return;
        }

        _writer.Raw("<div class=\"jp-OutputPrompt jp-OutputArea-prompt\">");
        if (executionCount is { } count)
        {
            _writer.Raw("Out[").Raw(count.ToString(CultureInfo.InvariantCulture)).Raw("]:");
        }

        _writer.Raw("</div>\n");
    }

    private void Open(string classes, string extra, string type) =>
        _writer.Raw("<div class=\"").Raw(classes).Raw(" jp-OutputArea-output").Raw(extra).Raw("\" data-mime-type=\"").Raw(type).Raw("\">");

    private static ReadOnlySpan<byte> Utf8Of(JValue? value) => value is JString s ? s.Utf8.Span : default;
}
