using System.Text;
using Quire.Notebook.Format;

namespace Quire.Notebook.Tests.Format;

public sealed class SerializedNotebookTests
{
    [Fact]
    public void WriteToAndToArray_GiveTheBytesNbformatWrites_AcrossManyBlocks()
    {
        // ~3 MB of source: the pooled blocks are 1 MiB, so the text crosses block boundaries, some inside a character.
        var source = string.Concat(Enumerable.Repeat("ü = 'ε' * 3  # ✓\n", 170_000));
        var document = NotebookReader.Read($$"""
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [], "source": {{System.Text.Json.JsonSerializer.Serialize(source)}}}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """).Document;
        var expected = NotebookWriter.ToUtf8(document);

        using var serialized = NotebookWriter.Serialize(document);
        using var written = new MemoryStream();
        serialized.WriteTo(written);

        Assert.True(expected.Length > 3_000_000, $"the notebook should span several blocks; it has {expected.Length} bytes");
        Assert.Equal(expected.Length, serialized.Length);
        Assert.Equal(expected, written.ToArray());
        Assert.Equal(expected, serialized.ToArray());
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(expected), StringComparison.Ordinal);
    }
}
