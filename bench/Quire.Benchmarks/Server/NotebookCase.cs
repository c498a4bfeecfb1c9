using System.Text.Json;

namespace Quire.Benchmarks.Server;

/// <summary>One generated notebook: its file name in both roots, its size, its cell count and its save body.</summary>
internal sealed record NotebookCase(string Name, long Bytes, int Cells, byte[] SaveBody)
{
    public string Label => Bytes >= 1024 * 1024 ? $"{Bytes / 1048576.0:0.0} MiB" : $"{Bytes / 1024.0:0} KiB";

    public static NotebookCase Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var notebook = JsonDocument.Parse(bytes);
        var cells = notebook.RootElement.GetProperty("cells").GetArrayLength();
        return new NotebookCase(Path.GetFileName(path), bytes.Length, cells, ServerApi.SaveBody(bytes));
    }
}
