using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Infrastructure;

/// <summary>
/// A cell sent to the kernel and not necessarily finished: its outputs can be awaited while it runs (to prove
/// streaming, or to interrupt it once it has started), then <see cref="CompleteAsync"/> gives the whole result.
/// </summary>
public sealed class PendingCell
{
    private readonly Lock _lock = new();
    private readonly List<JupyterMessage> _outputs = [];
    private readonly List<(Func<JupyterMessage, bool> Match, TaskCompletionSource<JupyterMessage> Found)> _waiters = [];
    private readonly TaskCompletionSource<JupyterMessage> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _inputs;
    private readonly List<InputRequest> _inputRequests = [];

    internal PendingCell(JupyterMessage request, IEnumerable<string>? inputs)
    {
        Request = request;
        _inputs = new Queue<string>(inputs ?? []);
    }

    public JupyterMessage Request { get; }

    /// <summary>Waits for the first iopub message of this cell that matches; the message says what was expected on timeout.</summary>
    public Task<JupyterMessage> WaitForOutputAsync(Func<JupyterMessage, bool> match, string expected, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<JupyterMessage> found;
        lock (_lock)
        {
            if (_outputs.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            found = new TaskCompletionSource<JupyterMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
        }

        return CSharpKernelHarness.WithTimeout(found.Task, timeout, expected);
    }

    /// <summary>Waits for a <c>stream</c> message of this cell whose text contains <paramref name="text"/>.</summary>
    public Task<JupyterMessage> WaitForStreamAsync(string text, TimeSpan? timeout = null) =>
        WaitForOutputAsync(
            m => m.MsgType == MessageTypes.Stream && m.GetContent(MessagingJsonContext.Default.StreamOutput).Text.Contains(text, StringComparison.Ordinal),
            $"a stream message containing '{text}'",
            timeout);

    /// <summary>Waits for the reply and for the idle status that follows it, so every output has arrived.</summary>
    public async Task<CellResult> CompleteAsync(TimeSpan? timeout = null)
    {
        var reply = await CSharpKernelHarness.WithTimeout(_reply.Task, timeout, $"the execute_reply to {Request.MsgId}").ConfigureAwait(false);
        await CSharpKernelHarness.WithTimeout(_idle.Task, timeout, $"the idle status after {Request.MsgId}").ConfigureAwait(false);
        lock (_lock)
        {
            return new CellResult(Request, reply, [.. _outputs], [.. _inputRequests]);
        }
    }

    internal void OnIOPub(JupyterMessage message)
    {
        List<TaskCompletionSource<JupyterMessage>> matched = [];
        lock (_lock)
        {
            _outputs.Add(message);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(message))
                {
                    matched.Add(_waiters[i].Found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched.ForEach(m => m.TrySetResult(message));
        if (message.MsgType == MessageTypes.Status && message.GetContent(MessagingJsonContext.Default.Status).ExecutionState == ExecutionStates.Idle)
        {
            _idle.TrySetResult();
        }
    }

    internal void OnReply(JupyterMessage reply) => _reply.TrySetResult(reply);

    /// <summary>The next scripted input, or null when the test gave none left (the harness then leaves the request unanswered).</summary>
    internal string? NextInput(InputRequest request)
    {
        lock (_lock)
        {
            _inputRequests.Add(request);
            return _inputs.TryDequeue(out var value) ? value : null;
        }
    }
}
