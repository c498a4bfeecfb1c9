using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>
/// The outcome of an execution: the reply and, in arrival order, the iopub outputs whose parent is the request
/// (<c>execute_input</c>, <c>stream</c>, <c>display_data</c>, <c>update_display_data</c>, <c>execute_result</c>,
/// <c>error</c>, <c>clear_output</c>).
/// </summary>
public sealed record ExecutionResult(ExecuteReply Reply, IReadOnlyList<JupyterMessage> Outputs)
{
    public long? ExecutionCount => Reply.ExecutionCount;

    public bool Succeeded => Reply.IsOk;
}
