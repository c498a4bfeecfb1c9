using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// Folds one cell's iopub messages into the running notebook as nbclient's <c>process_message</c> does: outputs,
/// <c>clear_output</c> (also with <c>wait</c>), display updates, the execution count, and with nbclient's
/// <c>record_timing</c> the <c>metadata.execution</c> timestamps taken from the messages' headers.
/// </summary>
internal sealed class CellMessageHandler(RunningNotebook notebook, int index, TimeProvider time, Action onStarted, Action<JObject> onOutput) : IProgress<JupyterMessage>
{
    private readonly Lock _lock = new();
    private string? _requestId;
    private JupyterMessage? _lastStatus;

    /// <summary>Whether the kernel began this cell (its <c>execute_input</c> arrived).</summary>
    public bool Began
    {
        get
        {
            lock (_lock)
            {
                return _requestId is not null;
            }
        }
    }

    /// <summary>All iopub traffic: status messages carry the busy and idle timestamps.</summary>
    public void OnIOPub(JupyterMessage message)
    {
        if (message.MsgType != MessageTypes.Status)
        {
            return;
        }

        lock (_lock)
        {
            if (_requestId is null)
            {
                // The request id is learnt from execute_input, which follows its busy: keep the latest status until
                // then, unread (with cells sent ahead, every waiting cell sees every status).
                _lastStatus = message;
                return;
            }

            if (message.ParentMsgId != _requestId)
            {
                return;
            }
        }

        switch (StateOf(message))
        {
            case "busy":
                SetTiming("iopub.status.busy", message.Header.Date);
                break;
            case "idle":
                SetTiming("iopub.status.idle", message.Header.Date);
                break;
        }
    }

    /// <summary>The execution's own messages (outputs, execute_input, clear_output, update_display_data).</summary>
    public void Report(JupyterMessage value)
    {
        var content = (JObject)JsonParser.Parse(value.ContentJson);
        switch (value.MsgType)
        {
            case MessageTypes.ExecuteInput:
                // The kernel began the cell: it is running, even if the run has not reached it yet (sent ahead).
                onStarted();
                JupyterMessage? last;
                lock (_lock)
                {
                    _requestId = value.ParentMsgId;
                    last = _lastStatus;
                    _lastStatus = null;
                }

                if (last is not null && last.ParentMsgId == value.ParentMsgId && StateOf(last) == "busy")
                {
                    SetTiming("iopub.status.busy", last.Header.Date);
                }

                SetTiming("iopub.execute_input", value.Header.Date);

                notebook.SetExecutionCount(index, content["execution_count"] is JNumber n && n.TryGetInt64(out var count) ? count : null);
                return;
            case MessageTypes.ClearOutput:
                notebook.ClearOutput(index, wait: content["wait"] is JLiteral { Kind: JKind.True });
                return;
            case MessageTypes.UpdateDisplayData:
                if (MessageOutputs.DisplayId(content) is { } target)
                {
                    notebook.UpdateDisplay(target, content["data"] ?? JObject.Empty, content["metadata"] ?? JObject.Empty);
                }

                return;
        }

        if (MessageOutputs.ToOutput(value.MsgType, content) is not { } output)
        {
            return;
        }

        if (value.MsgType == MessageTypes.ExecuteResult && content["execution_count"] is JNumber resultCount && resultCount.TryGetInt64(out var c))
        {
            notebook.SetExecutionCount(index, c);
        }

        var displayId = value.MsgType is MessageTypes.DisplayData or MessageTypes.ExecuteResult ? MessageOutputs.DisplayId(content) : null;
        if (displayId is not null)
        {
            // nbclient also applies a new display with a known id to the earlier outputs showing it.
            notebook.UpdateDisplay(displayId, content["data"] ?? JObject.Empty, content["metadata"] ?? JObject.Empty);
        }

        notebook.AddOutput(index, output, displayId);
        onOutput(output);
    }

    private static string? StateOf(JupyterMessage status) => ((JObject)JsonParser.Parse(status.ContentJson)).GetString("execution_state");

    public void ReplyReceived() => SetTiming("shell.execute_reply", Timestamps.Format(time.GetUtcNow()));

    private void SetTiming(string key, string headerDate)
    {
        var stamp = key == "shell.execute_reply" ? headerDate : Timestamps.FromHeader(headerDate, time);
        notebook.UpdateCellMetadata(index, m => m.With("execution", (m.GetObject("execution") ?? JObject.Empty).With(key, stamp)));
    }
}
