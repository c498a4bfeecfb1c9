using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Format;

public sealed class MessageOutputsTests
{
    [Fact]
    public void DisplayData_KeepsDataAndMetadata_AndDropsTransient()
    {
        var content = (JObject)JsonParser.Parse("""{"data": {"text/plain": "1"}, "metadata": {"m": 1}, "transient": {"display_id": "d1"}}"""u8.ToArray());

        var output = MessageOutputs.ToOutput("display_data", content);

        Assert.Equal("""{"data": {"text/plain": "1"}, "metadata": {"m": 1}, "output_type": "display_data"}""", PythonJsonWriter.ToText(output!, indent: -1));
        Assert.Equal("d1", MessageOutputs.DisplayId(content));
    }

    [Fact]
    public void StreamResultAndError_GetTheFieldsTheFormatDefines_WithDefaults()
    {
        var empty = JObject.Empty;

        Assert.Equal("""{"name": "stdout", "output_type": "stream", "text": ""}""", PythonJsonWriter.ToText(MessageOutputs.ToOutput("stream", empty)!, indent: -1));
        Assert.Equal("""{"data": {}, "execution_count": null, "metadata": {}, "output_type": "execute_result"}""", PythonJsonWriter.ToText(MessageOutputs.ToOutput("execute_result", empty)!, indent: -1));
        Assert.Equal("""{"ename": "", "evalue": "", "output_type": "error", "traceback": []}""", PythonJsonWriter.ToText(MessageOutputs.ToOutput("error", empty)!, indent: -1));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("execute_input")]
    [InlineData("update_display_data")]
    [InlineData("clear_output")]
    public void OtherMessages_AddNoOutput(string msgType) => Assert.Null(MessageOutputs.ToOutput(msgType, JObject.Empty));
}
