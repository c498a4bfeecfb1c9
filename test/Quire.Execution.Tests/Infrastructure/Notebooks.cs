using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Infrastructure;

/// <summary>Small notebooks built in code.</summary>
internal static class Notebooks
{
    public static NotebookDocument Create(string kernel, string language, params NotebookCell[] cells) =>
        NotebookDocument.CreateEmpty()
            .WithFormatMinor(5)
            .WithMetadata(JObject.Of(("kernelspec", JObject.Of(("display_name", kernel), ("language", language), ("name", kernel)))))
            .WithCells(cells);

    public static NotebookCell Code(string source, string id, params string[] tags)
    {
        var cell = CodeCell.Create(source, id);
        return tags.Length == 0 ? cell : cell.WithMetadata(JObject.Of(("tags", JArray.OfStrings(tags))));
    }

    public static NotebookCell Markdown(string source, string id) =>
        NotebookCell.From(JObject.Of(("cell_type", "markdown"), ("id", id), ("metadata", JObject.Empty), ("source", source)));

    /// <summary>All text of a code cell's outputs (streams, text/plain, error name and value), for assertions.</summary>
    public static string Text(NotebookDocument notebook, int index) =>
        string.Concat(((CodeCell)notebook.Cells[index]).Outputs.Select(o => o.Json.GetString("output_type") switch
        {
            "stream" => o.Json.GetString("text"),
            "error" => $"{o.Json.GetString("ename")}: {o.Json.GetString("evalue")}\n",
            _ => o.Json.GetObject("data")?["text/plain"] switch
            {
                JString s => s.Value + "\n",
                JArray a => string.Concat(a.Select(v => v.AsString())) + "\n",
                _ => string.Empty,
            },
        }));
}
