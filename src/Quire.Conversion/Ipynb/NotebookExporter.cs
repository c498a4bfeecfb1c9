using Quire.Notebook;
using Quire.Notebook.Format;

namespace Quire.Conversion.Ipynb;

/// <summary>nbconvert's notebook exporter: the notebook written back in nbformat's canonical form.</summary>
public sealed class NotebookExporter : INotebookExporter
{
    public string FileExtension(NotebookDocument document) => ".ipynb";

    public void Export(NotebookDocument document, Stream output, ExportResources resources, ConversionOptions options) =>
        NotebookWriter.Write(document, output);
}
