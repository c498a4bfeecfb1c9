using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Notebook.Json;

namespace Quire.Server.Kernels.Outputs;

/// <summary>
/// nbformat outputs from iopub messages, as nbformat's <c>output_from_msg</c> builds them: stream, display_data,
/// execute_result and error keep exactly the fields the format defines (the transient display id is not stored).
/// </summary>
internal static class OutputMessages
{
    /// <summary>The output <paramref name="message"/> adds to a cell, or null when it adds none.</summary>
    public static JObject? ToOutput(JupyterMessage message, JObject content) => message.MsgType switch
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

    /// <summary>The <c>transient.display_id</c> of a display_data or update_display_data message's content.</summary>
    public static string? DisplayId(JObject content) => content.GetObject("transient")?.GetString("display_id");
}
