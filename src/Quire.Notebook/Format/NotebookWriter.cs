using Quire.Notebook.IO;
using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// Writes notebooks byte for byte as Python's <c>nbformat.write</c>: transient keys dropped, text split into lines,
/// keys sorted, one-space indent, non-ASCII kept, and a trailing newline.
/// </summary>
public static class NotebookWriter
{
    public static void Write(NotebookDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        var onDisk = NbformatTransforms.SplitLines(NbformatTransforms.StripTransient(document.Json));
        using var writer = new PythonJsonWriter(stream);
        writer.Write(onDisk);
        writer.WriteRaw("\n"u8);
        writer.Flush();
    }

    public static byte[] ToUtf8(NotebookDocument document)
    {
        using var ms = new ChunkedBuffer();
        Write(document, ms);
        return ms.ToArray();
    }

    /// <summary>The notebook's bytes in pooled blocks, for a caller that writes them somewhere without needing one array.</summary>
    public static SerializedNotebook Serialize(NotebookDocument document)
    {
        var buffer = new ChunkedBuffer();
        try
        {
            Write(document, buffer);
            return new SerializedNotebook(buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public static string ToText(NotebookDocument document) => System.Text.Encoding.UTF8.GetString(ToUtf8(document));

    /// <summary>Writes the notebook so that the file holds either the old or the new content, never a mix (see <see cref="AtomicFile"/>).</summary>
    public static Task WriteFileAsync(string path, NotebookDocument document, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(path, stream => Write(document, stream), cancellationToken);
}
