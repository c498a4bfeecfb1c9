using System.Globalization;
using System.Text;
using Quire.Notebook;

namespace Quire.Conversion.Script;

/// <summary>
/// nbconvert's script exporter: the code cells as one file in the kernel's language, with <c>In[n]:</c> markers and
/// Markdown cells as comments in that language's comment syntax. The extension is <c>language_info.file_extension</c>.
/// </summary>
public sealed class ScriptExporter : INotebookExporter
{
    public string FileExtension(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var declared = document.Metadata.GetObject("language_info")?.GetString("file_extension");
        // Only a plain ".ext" is taken from the notebook: it becomes part of a file name.
        if (declared is { Length: > 1 and <= 16 } && declared[0] == '.' && declared.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            return declared;
        }

        return CommentSyntax.FileExtension(Html.HtmlExporter.CodeLanguage(document));
    }

    public void Export(NotebookDocument document, Stream output, ExportResources resources, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        var language = Html.HtmlExporter.CodeLanguage(document);
        var comment = CommentSyntax.LinePrefix(language);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        if (Highlighting.CodeHighlighters.LanguageId(language) == "python")
        {
            writer.Write("#!/usr/bin/env python\n# coding: utf-8\n\n");
        }

        foreach (var cell in document.Cells)
        {
            switch (cell)
            {
                case CodeCell code:
                    var count = code.ExecutionCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : " ";
                    writer.Write($"{comment} In[{count}]:\n\n\n{code.Source}\n\n\n");
                    break;
                case MarkdownCell md:
                    foreach (var line in md.Source.Split('\n'))
                    {
                        writer.Write(line.Length == 0 ? $"{comment}\n" : $"{comment} {line}\n");
                    }

                    writer.Write("\n\n");
                    break;
                case RawCell raw when raw.Metadata.GetString("raw_mimetype") is null or "":
                    writer.Write(raw.Source);
                    writer.Write("\n\n");
                    break;
                default:
                    break;
            }
        }
    }
}
