using Quire.Notebook.Format;
using Quire.Notebook.Json;
using Quire.Notebook.Stripping;

namespace Quire.Notebook.Tests.Stripping;

public sealed class NotebookStripperTests
{
    private const string Executed = """
        {"cells":[
          {"cell_type":"code","execution_count":3,"id":"c1","metadata":{"collapsed":true,"scrolled":false,"ExecuteTime":{"end_time":"x"},"execution":{"iopub.status.busy":"y"},"tags":["t"]},
           "outputs":[{"name":"stdout","output_type":"stream","text":"hi\n"},{"data":{"text/plain":"2"},"execution_count":3,"metadata":{},"output_type":"execute_result"}],
           "source":"print('hi')\n1+1"},
          {"cell_type":"markdown","id":"m1","metadata":{"heading_collapsed":true,"hidden":true},"source":"# T"}
        ],
        "metadata":{"kernelspec":{"display_name":"Python 3","language":"python","name":"python3"},"language_info":{"name":"python"},
                    "signature":"sha256:abc","widgets":{"application/vnd.jupyter.widget-state+json":{}},"foo":{"bar":1,"baz":2}},
        "nbformat":4,"nbformat_minor":5}
        """;

    private static NotebookDocument Read(string json) => NotebookReader.Read(json).Document;

    private static CodeCell Code(NotebookDocument document, int index = 0) => Assert.IsType<CodeCell>(document.Cells[index]);

    [Fact]
    public void Strip_Defaults_RemoveOutputsCountsAndVolatileMetadata_KeepKernelInfoAndTags()
    {
        var stripped = NotebookStripper.Strip(Read(Executed));

        var code = Code(stripped);
        Assert.Empty(code.Outputs);
        Assert.Null(code.ExecutionCount);
        Assert.True(code.Json.ContainsKey("execution_count"));
        Assert.Equal(["tags"], code.Metadata.Keys);
        Assert.Empty(stripped.Cells[1].Metadata);
        Assert.Equal(["kernelspec", "language_info", "foo"], stripped.Metadata.Keys);
        Assert.Equal("print('hi')\n1+1", code.Source);
    }

    [Fact]
    public void Strip_KeepOutput_KeepsOutputsButNullsTheirCounts()
    {
        var stripped = NotebookStripper.Strip(Read(Executed), new StripOptions { KeepOutput = true });

        var code = Code(stripped);
        Assert.Equal(2, code.Outputs.Length);
        Assert.Null(code.ExecutionCount);
        Assert.Equal(JKind.Null, code.Outputs[1].Json["execution_count"]!.Kind);
    }

    [Fact]
    public void Strip_KeepCount_KeepsCellAndOutputCounts()
    {
        var stripped = NotebookStripper.Strip(Read(Executed), new StripOptions { KeepOutput = true, KeepCount = true });

        Assert.Equal(3, Code(stripped).ExecutionCount);
        Assert.Equal("3", Code(stripped).Outputs[1].Json["execution_count"]!.ToString());
    }

    [Theory]
    [InlineData("""{"tags":["keep_output"]}""")]
    [InlineData("""{"keep_output":true}""")]
    [InlineData("""{"init_cell":true}""")]
    public void Strip_CellMarkedKeepOutput_KeepsItsOutputsOnly(string metadata)
    {
        var json = $$"""
            {"cells":[
              {"cell_type":"code","execution_count":1,"metadata":{{metadata}},"outputs":[{"name":"stdout","output_type":"stream","text":"a"}],"source":"a"},
              {"cell_type":"code","execution_count":2,"metadata":{},"outputs":[{"name":"stdout","output_type":"stream","text":"b"}],"source":"b"}
            ],"metadata":{},"nbformat":4,"nbformat_minor":4}
            """;

        var stripped = NotebookStripper.Strip(Read(json));

        Assert.Single(Code(stripped, 0).Outputs);
        Assert.Empty(Code(stripped, 1).Outputs);
        Assert.Null(Code(stripped, 0).ExecutionCount);
    }

    [Fact]
    public void Strip_NotebookKeepOutput_KeepsAll_ExceptCellsThatSayFalse()
    {
        var json = """
            {"cells":[
              {"cell_type":"code","execution_count":1,"metadata":{},"outputs":[{"name":"stdout","output_type":"stream","text":"a"}],"source":"a"},
              {"cell_type":"code","execution_count":2,"metadata":{"keep_output":false},"outputs":[{"name":"stdout","output_type":"stream","text":"b"}],"source":"b"}
            ],"metadata":{"keep_output":true},"nbformat":4,"nbformat_minor":4}
            """;

        var stripped = NotebookStripper.Strip(Read(json));

        Assert.Single(Code(stripped, 0).Outputs);
        Assert.Empty(Code(stripped, 1).Outputs);
    }

    [Fact]
    public void Strip_ExtraKeys_RemoveNestedAndDottedKeys()
    {
        var json = """
            {"cells":[{"cell_type":"markdown","metadata":{"application/vnd.databricks.v1+cell":{},"bar":1,"other":2},"source":"x"}],
             "metadata":{"foo":{"bar":1,"baz":2}},"nbformat":4,"nbformat_minor":4}
            """;
        var options = new StripOptions
        {
            ExtraKeys = ["metadata.foo.bar", "cell.metadata.bar", "cell.metadata.application/vnd.databricks.v1+cell"],
        };

        var stripped = NotebookStripper.Strip(Read(json), options);

        Assert.Equal(["baz"], stripped.Metadata.GetObject("foo")!.Keys);
        Assert.Equal(["other"], stripped.Cells[0].Metadata.Keys);
    }

    [Fact]
    public void Strip_KeepKeys_OverridesADefaultKey()
    {
        var options = new StripOptions { KeepKeys = ["cell.metadata.collapsed", "metadata.widgets"] };

        var stripped = NotebookStripper.Strip(Read(Executed), options);

        Assert.Equal(["collapsed", "tags"], Code(stripped).Metadata.Keys);
        Assert.True(stripped.Metadata.ContainsKey("widgets"));
        Assert.False(Code(stripped).Metadata.ContainsKey("scrolled"));
    }

    [Fact]
    public void Strip_InvalidKey_Throws()
    {
        var options = new StripOptions { ExtraKeys = ["foo.bar"] };

        var ex = Assert.Throws<ArgumentException>(() => NotebookStripper.Strip(Read(Executed), options));
        Assert.Contains("foo.bar", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata.foo", true)]
    [InlineData("cell.metadata.tags", true)]
    [InlineData("foo", false)]
    [InlineData("metadata.", false)]
    [InlineData("cells.metadata.x", false)]
    public void IsValidKey_FollowsNbstripoutSyntax(string key, bool valid) => Assert.Equal(valid, StripOptions.IsValidKey(key));

    [Fact]
    public void Strip_IsIdempotent()
    {
        var once = NotebookWriter.ToUtf8(NotebookStripper.Strip(Read(Executed)));
        var twice = NotebookWriter.ToUtf8(NotebookStripper.Strip(NotebookReader.Read(once).Document));

        Assert.Equal(once, twice);
    }
}
