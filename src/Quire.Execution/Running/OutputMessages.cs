using Quire.Messaging.Protocol.Content;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// nbformat outputs from iopub messages, as nbformat's <c>output_from_msg</c> builds them (the transient display id
/// is not stored). The server keeps its own copy for its recorded outputs; both follow the same function.
/// </summary>
internal static class OutputMessages
{
    public static JObject? ToOutput(string msgType, JObject content) => msgType switch
    {
        MessageTypes.Stream => JObject.Of(
            ("name", content["name"] ?? "stdout"),
            ("output_type", "stream"),
            ("text", content["text"] ?? string.Empty)),
        MessageTypes.DisplayData => JObject.Of(
            ("data", content["data"] ?? JObject.Empty),
            ("metadata", content["metadata"] ?? JObject.Empty),
            ("output_type", "display_data")),
        MessageTypes.ExecuteResult => JObject.Of(
            ("data", content["data"] ?? JObject.Empty),
            ("execution_count", content["execution_count"] ?? JLiteral.Null),
            ("metadata", content["metadata"] ?? JObject.Empty),
            ("output_type", "execute_result")),
        MessageTypes.Error => JObject.Of(
            ("ename", content["ename"] ?? string.Empty),
            ("evalue", content["evalue"] ?? string.Empty),
            ("output_type", "error"),
            ("traceback", content["traceback"] ?? JArray.Empty)),
        _ => null,
    };

    public static string? DisplayId(JObject content) => content.GetObject("transient")?.GetString("display_id");
}
