using System.Globalization;
using System.Text;
using Quire.Conversion.Text;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Conversion.Markdown;

/// <summary>
/// nbconvert's Markdown exporter: Markdown cells as written, code in fenced blocks, text outputs indented as code,
/// HTML and Markdown outputs inline, and images extracted to <c>NAME_files/</c> (named
/// <c>output_CELL_OUTPUT.EXT</c> as nbconvert names them) and linked.
/// </summary>
public sealed class MarkdownExporter : INotebookExporter
{
    public string FileExtension(NotebookDocument document) => ".md";

    public void Export(NotebookDocument document, Stream output, ExportResources resources, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(options);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var language = Html.HtmlExporter.CodeLanguage(document) ?? string.Empty;
        var cells = document.Cells;
        for (var index = 0; index < cells.Length; index++)
        {
            switch (cells[index])
            {
                case MarkdownCell md:
                    writer.Write(ExtractAttachments(md, index, resources));
                    writer.Write("\n\n");
                    break;
                case CodeCell code:
                    if (!options.NoInput)
                    {
                        writer.Write($"```{language}\n{code.Source}\n```\n\n");
                    }

                    WriteOutputs(writer, code, index, resources);
                    break;
                case RawCell raw:
                    var mime = raw.Metadata.GetString("raw_mimetype") ?? string.Empty;
                    if (mime.Length == 0 || mime is "text/markdown" or "text/html")
                    {
                        writer.Write(raw.Source);
                        writer.Write("\n\n");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteOutputs(StreamWriter writer, CodeCell cell, int cellIndex, ExportResources resources)
    {
        var outputs = OutputStreams.Coalesce(cell.Outputs);
        for (var o = 0; o < outputs.Count; o++)
        {
            switch (outputs[o])
            {
                case StreamOutput stream:
                    WriteIndented(writer, AnsiText.Strip(stream.Text));
                    break;
                case ErrorOutput error:
                    WriteIndented(writer, AnsiText.Strip(string.Join('\n', error.Traceback)));
                    break;
                case RichOutput rich:
                    WriteRich(writer, rich, cellIndex, o, resources);
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteRich(StreamWriter writer, RichOutput output, int cellIndex, int outputIndex, ExportResources resources)
    {
        var type = MimePriority.Choose(output.Data, MimePriority.Markdown);
        switch (type)
        {
            case "text/html" or "text/markdown" or "text/latex":
                writer.Write(output.GetText(type) ?? string.Empty);
                writer.Write("\n\n");
                break;
            case "image/svg+xml":
                var svg = output.Data[type] is JString s ? s.Utf8 : ReadOnlyMemory<byte>.Empty;
                var svgLink = resources.Add(string.Create(CultureInfo.InvariantCulture, $"output_{cellIndex}_{outputIndex}.svg"), svg);
                writer.Write($"![svg]({svgLink})\n\n");
                break;
            case "image/png" or "image/jpeg":
                var extension = type == "image/png" ? "png" : "jpg";
                var data = output.Data[type] is JString b ? b.Utf8.Span : default;
                var link = resources.AddBase64(string.Create(CultureInfo.InvariantCulture, $"output_{cellIndex}_{outputIndex}.{extension}"), data);
                writer.Write(link is null ? $"[{type} output that is not base64]\n\n" : $"![{extension}]({link})\n\n");
                break;
            case "text/plain":
                WriteIndented(writer, AnsiText.Strip(output.GetText(type) ?? string.Empty));
                break;
            default:
                break;
        }
    }

    /// <summary>Writes the cell's source with <c>attachment:NAME</c> links pointing at extracted files.</summary>
    private static string ExtractAttachments(MarkdownCell cell, int cellIndex, ExportResources resources)
    {
        var source = cell.Source;
        if (cell.Attachments is not { } attachments)
        {
            return source;
        }

        foreach (var (name, value) in attachments)
        {
            if (value is not JObject bundle || !source.Contains("attachment:" + name, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (type, extension) in (ReadOnlySpan<(string, string)>)[("image/png", ".png"), ("image/jpeg", ".jpg"), ("image/gif", ".gif")])
            {
                if (bundle[type] is JString data)
                {
                    // The attachment's own name can hold anything ("../../x"); the file gets a made-safe version of it.
                    var proposed = string.Create(CultureInfo.InvariantCulture, $"attachment_{cellIndex}_{Path.GetFileNameWithoutExtension(SafeFileName.From(name))}{extension}");
                    var link = resources.AddBase64(proposed, data.Utf8.Span);
                    if (link is not null)
                    {
                        source = source.Replace("attachment:" + name, link, StringComparison.Ordinal);
                    }

                    break;
                }
            }
        }

        return source;
    }

    private static void WriteIndented(StreamWriter writer, string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            writer.Write("    ");
            writer.Write(line);
            writer.Write('\n');
        }

        writer.Write('\n');
    }
}
