using Quire.Notebook.Json;
using Quire.Server.Kernels.Outputs;

namespace Quire.Server.Tests.Kernels;

public sealed class CellRecordTests
{
    [Fact]
    public void ConsecutiveStreamsOfOneName_MergeAsNbformatStoresThem()
    {
        var cell = new CellRecord("nb.ipynb");

        cell.Add(Stream("stdout", "a"), null, 1);
        cell.Add(Stream("stdout", "b\n"), null, 1);
        cell.Add(Stream("stderr", "e"), null, 1);
        cell.Add(Stream("stdout", "c"), null, 1);

        Assert.Equal(["stdout:ab\n", "stderr:e", "stdout:c"], cell.Outputs.Select(o => $"{o.GetString("name")}:{o.GetString("text")}"));
    }

    [Fact]
    public void ClearOutputWithWait_ClearsAtTheNextOutput()
    {
        var cell = new CellRecord("nb.ipynb");
        cell.Add(Stream("stdout", "old"), null, 1);

        cell.Clear(wait: true);
        Assert.Single(cell.Outputs);
        cell.Add(Stream("stdout", "new"), null, 1);

        Assert.Equal("new", Assert.Single(cell.Outputs).GetString("text"));
        cell.Clear(wait: false);
        Assert.Empty(cell.Outputs);
    }

    [Fact]
    public void UpdateDisplayData_ReplacesEveryOutputOfThatDisplayId()
    {
        var cell = new CellRecord("nb.ipynb");
        cell.Add(Display("first"), "d1", 1);
        cell.Add(Display("other"), "d2", 1);
        cell.Add(Display("first again"), "d1", 1);

        cell.Update("d1", JObject.Of(("text/plain", "updated")), JObject.Empty);

        Assert.Equal(["updated", "other", "updated"], cell.Outputs.Select(o => o.GetObject("data")!.GetString("text/plain")));
    }

    [Fact]
    public void Start_ClearsTheLastExecution()
    {
        var cell = new CellRecord("nb.ipynb") { ExecutionCount = 3 };
        cell.Add(Stream("stdout", "x"), null, 1);

        cell.Start("kernel");

        Assert.Empty(cell.Outputs);
        Assert.Null(cell.ExecutionCount);
        Assert.Null(cell.CompletedAt);
    }

    private static JObject Stream(string name, string text) => JObject.Of(("name", name), ("output_type", "stream"), ("text", text));

    private static JObject Display(string text) =>
        JObject.Of(("data", JObject.Of(("text/plain", text))), ("metadata", JObject.Empty), ("output_type", "display_data"));
}
