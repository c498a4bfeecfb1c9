using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Server.Kernels.Outputs;

/// <summary>Recording one iopub message into a cell, as a notebook client would show it.</summary>
internal sealed partial class NotebookOutputStore
{
    private void Record(CellRecord cell, JupyterMessage message, JObject content)
    {
        switch (message.MsgType)
        {
            case MessageTypes.ExecuteInput:
                cell.ExecutionCount = content["execution_count"] is JNumber n && n.TryGetInt64(out var count) ? count : null;
                return;
            case MessageTypes.ClearOutput:
                cell.Clear(wait: content["wait"] is JLiteral { Kind: JKind.True });
                return;
            case MessageTypes.UpdateDisplayData:
                if (MessageOutputs.DisplayId(content) is { } target)
                {
                    UpdateDisplays(target, content["data"] ?? JObject.Empty, content["metadata"] ?? JObject.Empty);
                }

                return;
        }

        if (MessageOutputs.ToOutput(message.MsgType, content) is not { } output || cell.Truncated)
        {
            return;
        }

        var path = cell.Path;
        var bytes = message.ContentJson.Length;
        if (_notebookBytes.GetValueOrDefault(path) + bytes > options.RecordedOutputsMaxBytes)
        {
            cell.Truncated = true;
            cell.Add(
                JObject.Of(("name", "stderr"), ("output_type", "stream"), ("text", $"[Quire] further output of this cell was not kept on the server: the notebook's recorded outputs reached {options.RecordedOutputsMaxBytes} bytes\n")),
                null,
                0);
            LogTruncated(logger, options.RecordedOutputsMaxBytes);
            return;
        }

        _notebookBytes[path] = _notebookBytes.GetValueOrDefault(path) + bytes;

        cell.Add(output, message.MsgType == MessageTypes.ExecuteResult || message.MsgType == MessageTypes.DisplayData ? MessageOutputs.DisplayId(content) : null, bytes);
    }

    // An update reaches every display with that id in the notebooks of the running cells, wherever it is shown.
    private void UpdateDisplays(string displayId, JValue data, JValue metadata)
    {
        foreach (var notebook in _notebooks.Values)
        {
            foreach (var cell in notebook.Values)
            {
                cell.Update(displayId, data, metadata);
            }
        }
    }
}
