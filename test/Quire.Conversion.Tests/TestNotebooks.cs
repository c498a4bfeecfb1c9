using Quire.Notebook;
using Quire.Notebook.Format;

namespace Quire.Conversion.Tests;

/// <summary>Builds small notebooks from JSON for exporter tests.</summary>
internal static class TestNotebooks
{
    public static NotebookDocument FromCells(string cellsJson, string language = "python")
    {
        var extension = language == "python" ? "py" : language == "csharp" ? "cs" : "r";
        return NotebookReader.Read($$$"""
            {"cells": {{{cellsJson}}},
             "metadata": {"kernelspec": {"name": "k", "display_name": "K", "language": "{{{language}}}"},
                          "language_info": {"name": "{{{language}}}", "file_extension": ".{{{extension}}}"}},
             "nbformat": 4, "nbformat_minor": 5}
            """).Document;
    }

    public static NotebookDocument WithOutputs(string outputsJson, string source = "x") => FromCells($$"""
        [{"cell_type": "code", "id": "c1", "execution_count": 3, "metadata": {}, "source": {{System.Text.Json.JsonSerializer.Serialize(source)}}, "outputs": {{outputsJson}}}]
        """);

    public static string ToHtml(NotebookDocument document, ConversionOptions? options = null)
    {
        using var stream = new MemoryStream();
        NotebookConverter.Convert(document, ConversionFormat.Html, stream, new ExportResources("x_files"), options ?? new ConversionOptions());
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static (string Text, ExportResources Resources) Export(NotebookDocument document, ConversionFormat format, ConversionOptions? options = null)
    {
        using var stream = new MemoryStream();
        var resources = new ExportResources("nb_files");
        NotebookConverter.Convert(document, format, stream, resources, options ?? new ConversionOptions());
        return (System.Text.Encoding.UTF8.GetString(stream.ToArray()), resources);
    }
}
