using System.Collections.Frozen;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>
/// One execution's <c>execute_reply</c> and iopub outputs: complete once both the reply and the iopub idle have arrived,
/// in whichever order.
/// </summary>
internal sealed class ExecutionCollector(IProgress<JupyterMessage>? progress, Action<JupyterMessage>? onReply, CancellationToken cancellationToken)
{
    private static readonly FrozenSet<string> OutputTypes = FrozenSet.Create(
        StringComparer.Ordinal,
        MessageTypes.ExecuteInput,
        MessageTypes.Stream,
        MessageTypes.DisplayData,
        MessageTypes.UpdateDisplayData,
        MessageTypes.ExecuteResult,
        MessageTypes.Error,
        MessageTypes.ClearOutput);

    private readonly List<JupyterMessage> _outputs = [];
    private readonly Lock _lock = new();

    // One completion for both halves, set by whichever arrives second: a caller waiting on the reply and the idle
    // separately was resumed on the thread pool twice per execution. Continuations still run off the receive loops,
    // so a slow caller never stalls dispatch.
    private readonly TaskCompletionSource<JupyterMessage> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JupyterMessage? _reply;
    private bool _idle;

    /// <summary>The execution's own token: an input request it causes is cancelled with it.</summary>
    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The <c>execute_reply</c>, once the iopub idle has arrived as well.</summary>
    public Task<JupyterMessage> Completed => _completed.Task;

    public bool HasReply
    {
        get
        {
            lock (_lock)
            {
                return _reply is not null;
            }
        }
    }

    /// <summary>Takes the execution's reply; false for a second one, which is not this execution's to take.</summary>
    public bool OnReply(JupyterMessage reply)
    {
        bool idle;
        lock (_lock)
        {
            if (_reply is not null)
            {
                return false;
            }

            _reply = reply;
            idle = _idle;
        }

        try
        {
            onReply?.Invoke(reply);
        }
        finally
        {
            // A throwing callback must not leave the execution waiting forever.
            if (idle)
            {
                _completed.TrySetResult(reply);
            }
        }

        return true;
    }

    public void OnIOPub(JupyterMessage message, string? executionState)
    {
        if (executionState == ExecutionStates.Idle)
        {
            JupyterMessage? reply;
            lock (_lock)
            {
                _idle = true;
                reply = _reply;
            }

            if (reply is not null)
            {
                _completed.TrySetResult(reply);
            }

            return;
        }

        if (!OutputTypes.Contains(message.MsgType))
        {
            return;
        }

        lock (_lock)
        {
            _outputs.Add(message);
        }

        progress?.Report(message);
    }

    public void Fail(Exception exception) => _completed.TrySetException(exception);

    public IReadOnlyList<JupyterMessage> Snapshot()
    {
        lock (_lock)
        {
            return [.. _outputs];
        }
    }
}
