using Quire.Notebook;

namespace Quire.Conversion;

/// <summary>One output format. Exporters stream into the output as they walk the notebook; nothing is built up in memory.</summary>
public interface INotebookExporter
{
    /// <summary>The output file's extension with its dot, e.g. <c>.html</c>; a script's depends on the notebook's language.</summary>
    string FileExtension(NotebookDocument document);

    /// <summary>
    /// Writes the converted notebook to <paramref name="output"/> and adds extracted files to <paramref name="resources"/>.
    /// Synchronous on purpose: it runs inside <see cref="Notebook.IO.AtomicFile"/>'s write callback, buffering its own output.
    /// </summary>
    void Export(NotebookDocument document, Stream output, ExportResources resources, ConversionOptions options);
}
