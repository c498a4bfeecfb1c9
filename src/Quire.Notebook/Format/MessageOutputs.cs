using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// nbformat outputs from the content of Jupyter iopub messages, as nbformat's <c>v4.output_from_msg</c> builds them:
/// stream, display_data, execute_result and error keep exactly the fields the format defines (the transient display
/// id is not stored). One function for every client that records outputs: headless runs and the server alike.
/// </summary>
public static class MessageOutputs
{
    /// <summary>The output a message of type <paramref name="msgType"/> adds to a cell, or null when it adds none.</summary>
    public static JObject? ToOutput(string msgType, JObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return msgType switch
        {
            "stream" => JObject.Of(
                ("name", content["name"] ?? "stdout"),
                ("output_type", "stream"),
                ("text", content["text"] ?? string.Empty)),
            "display_data" => JObject.Of(
                ("data", content["data"] ?? JObject.Empty),
                ("metadata", content["metadata"] ?? JObject.Empty),
                ("output_type", "display_data")),
            "execute_result" => JObject.Of(
                ("data", content["data"] ?? JObject.Empty),
                ("execution_count", content["execution_count"] ?? JLiteral.Null),
                ("metadata", content["metadata"] ?? JObject.Empty),
                ("output_type", "execute_result")),
            "error" => JObject.Of(
                ("ename", content["ename"] ?? string.Empty),
                ("evalue", content["evalue"] ?? string.Empty),
                ("output_type", "error"),
                ("traceback", content["traceback"] ?? JArray.Empty)),
            _ => null,
        };
    }

    /// <summary>The <c>transient.display_id</c> of a display_data, execute_result or update_display_data message's content.</summary>
    public static string? DisplayId(JObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.GetObject("transient")?.GetString("display_id");
    }
}
