using System.Collections.Frozen;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>Gathers one execution's iopub outputs until the kernel reports idle for it.</summary>
internal sealed class ExecutionCollector(IProgress<JupyterMessage>? progress, CancellationToken cancellationToken)
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

    // Continuations run off the receive loop, so a slow caller never stalls iopub dispatch.
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The execution's own token: an input request it causes is cancelled with it.</summary>
    public CancellationToken CancellationToken => cancellationToken;

    public Task Idle => _idle.Task;

    public void OnIOPub(JupyterMessage message, string? executionState)
    {
        if (executionState == ExecutionStates.Idle)
        {
            _idle.TrySetResult();
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

    public void Fail(Exception exception) => _idle.TrySetException(exception);

    public IReadOnlyList<JupyterMessage> Snapshot()
    {
        lock (_lock)
        {
            return [.. _outputs];
        }
    }
}
