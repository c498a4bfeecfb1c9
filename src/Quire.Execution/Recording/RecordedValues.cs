using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Recording;

/// <summary>
/// Named values a notebook records for later steps: any kernel displays a <see cref="MimeType"/> bundle
/// <c>{"name": "...", "value": any JSON}</c> (the C# kernel's <c>Record(name, value)</c> does; in Python,
/// <c>display({"application/vnd.quire.record+json": {"name": "n", "value": 1}}, raw=True)</c>). Read from the
/// outputs of any executed notebook, in cell order; a later record of a name wins.
/// </summary>
public static class RecordedValues
{
    public const string MimeType = "application/vnd.quire.record+json";

    public static JObject Read(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var values = new JObjectBuilder();
        foreach (var cell in notebook.Cells.OfType<CodeCell>())
        {
            foreach (var output in cell.Outputs)
            {
                if (output.Json.GetObject("data")?[MimeType] is JObject { } record && record.GetString("name") is { } name)
                {
                    values.Set(name, record["value"] ?? JLiteral.Null);
                }
            }
        }

        return values.Build();
    }
}
