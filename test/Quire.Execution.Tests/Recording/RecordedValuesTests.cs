using Quire.Execution.Recording;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Recording;

public sealed class RecordedValuesTests
{
    [Fact]
    public void Records_are_read_from_display_outputs_in_order_and_a_later_one_wins()
    {
        static JObject Display(string name, JValue value) => JObject.Of(
            ("data", JObject.Of((RecordedValues.MimeType, JObject.Of(("name", name), ("value", value))), ("text/plain", name))),
            ("metadata", JObject.Empty),
            ("output_type", "display_data"));
        var first = CodeCell.Create("", "a").WithOutputs([NotebookOutput.From(Display("x", 1)), NotebookOutput.From(Display("y", JsonParser.Parse("[1, {\"z\": null}]")))]);
        var second = CodeCell.Create("", "b").WithOutputs([
            NotebookOutput.From(JObject.Of(("name", "stdout"), ("output_type", "stream"), ("text", "noise"))),
            NotebookOutput.From(Display("x", "again")),
        ]);
        var notebook = NotebookDocument.CreateEmpty().WithCells([first, second]);

        var values = RecordedValues.Read(notebook);

        Assert.Equal("""{"x": "again", "y": [1, {"z": null}]}""", JsonText.ToCompactString(values));
    }

    [Fact]
    public void A_notebook_without_records_has_an_empty_object()
    {
        Assert.Equal("{}", JsonText.ToCompactString(RecordedValues.Read(NotebookDocument.CreateEmpty())));
    }
}
