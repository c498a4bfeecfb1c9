using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Cli.Tests.Run;

/// <summary>Notebooks for <c>quire run</c> tests, written as files.</summary>
internal static class RunNotebooks
{
    public static string Write(string path, string kernel, string language, params (string Source, string[] Tags)[] cells)
    {
        var notebook = NotebookDocument.CreateEmpty()
            .WithFormatMinor(5)
            .WithMetadata(JObject.Of(("kernelspec", JObject.Of(("display_name", kernel), ("language", language), ("name", kernel)))))
            .WithCells(cells.Select((c, i) =>
            {
                var cell = CodeCell.Create(c.Source, $"cell{i}");
                return c.Tags.Length == 0 ? cell : cell.WithMetadata(JObject.Of(("tags", JArray.OfStrings(c.Tags))));
            }));
        File.WriteAllBytes(path, NotebookWriter.ToUtf8(notebook));
        return path;
    }

    public static (string, string[]) Cell(string source, params string[] tags) => (source, tags);

    public static NotebookDocument Read(string path) => NotebookReader.Read(File.ReadAllBytes(path), path).Document;

    public static string Text(NotebookDocument notebook, int index) =>
        string.Concat(((CodeCell)notebook.Cells[index]).Outputs.Select(o => o.Json.GetString("output_type") switch
        {
            "stream" => o.Json.GetString("text"),
            "error" => $"{o.Json.GetString("ename")}: {o.Json.GetString("evalue")}\n",
            _ => o.Json.GetObject("data")?["text/plain"]?.AsString() is { } s ? s + "\n" : string.Empty,
        }));
}
