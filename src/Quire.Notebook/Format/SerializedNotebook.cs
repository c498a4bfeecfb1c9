using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// A notebook as <see cref="NotebookWriter"/> writes it, held in pooled blocks: a save writes these to its file
/// without first copying them into one array of the notebook's size (for 5 MB, an eighth of a save's time). Reading
/// (<see cref="WriteTo"/>, <see cref="ToArray"/>) may happen on several threads at once; the blocks go back to the
/// pool on <see cref="Dispose"/>, which must come after every read.
/// </summary>
public sealed class SerializedNotebook : IDisposable
{
    private readonly ChunkedBuffer _buffer;

    internal SerializedNotebook(ChunkedBuffer buffer) => _buffer = buffer;

    public long Length => _buffer.Length;

    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _buffer.WriteTo(destination);
    }

    public byte[] ToArray() => _buffer.ToArray();

    public void Dispose() => _buffer.Dispose();
}
