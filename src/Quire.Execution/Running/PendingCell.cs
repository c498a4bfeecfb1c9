using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Execution.Running;

/// <summary>
/// One cell's <c>execute_request</c> from the moment it is sent until its outcome is taken: its iopub subscription, its
/// time limit, the caller's cancellation, and <see cref="OkReply"/>, the early signal on which the next cell is sent.
/// </summary>
internal sealed class PendingCell : IAsyncDisposable
{
    private readonly KernelClient _client;
    private readonly EventHandler<JupyterMessage> _onIOPub;
    private readonly CancellationTokenSource _stopExecution = new();
    private readonly CancellationTokenSource _stopWaiting = new();
    private readonly CancellationTokenSource _caller;
    private readonly TaskCompletionSource<bool> _okReply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCell(KernelClient client, CellMessageHandler handler, ExecuteOptions request, string source, CancellationToken cancellationToken)
    {
        _client = client;
        _onIOPub = (_, message) => handler.OnIOPub(message);

        // No input handler: the request says allow_stdin=false, so input() raises in the kernel (nbclient does the same).
        client.InputHandler = null;
        client.IOPubReceived += _onIOPub;
        Handler = handler;
        Execution = client.ExecuteAsync(source, request with { ReplyReceived = OnReply }, handler, _stopExecution.Token);
        Timer = Task.Delay(Timeout.InfiniteTimeSpan, _stopWaiting.Token);

        // Linked, so that the wait's registration on the caller's token goes away with the cell.
        _caller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Cancelled = Task.Delay(Timeout.InfiniteTimeSpan, _caller.Token);
    }

    public CellMessageHandler Handler { get; }

    /// <summary>The cell's index in the notebook.</summary>
    public required int Index { get; init; }

    /// <summary>Marks the cell as running (when its turn comes, or when the kernel begins it).</summary>
    public required CellStart Start { get; init; }

    /// <summary>Completes when both the reply and the iopub idle have arrived.</summary>
    public Task<ExecutionResult> Execution { get; }

    /// <summary>True once an <c>execute_reply</c> with status ok arrived; false for any other reply.</summary>
    public Task<bool> OkReply => _okReply.Task;

    /// <summary>Ends when the cell's time limit (its own or what is left of the run's), counted from <see cref="BeginTurn"/>, is reached.</summary>
    public Task Timer { get; private set; }

    public TimeSpan? Limit { get; private set; }

    /// <summary>Whether <see cref="Limit"/> is what was left of the whole run's time rather than the cell's own.</summary>
    public bool LimitIsTheRun { get; private set; }

    /// <summary>Ends (cancelled) when the caller cancels the run.</summary>
    public Task Cancelled { get; }

    /// <summary>
    /// The cell is the kernel's now (the cells before it are done): its time limit starts. A cell sent ahead waits in the
    /// kernel's queue first, which is not its time.
    /// </summary>
    public void BeginTurn((TimeSpan? Limit, bool ByTotal) limit, TimeProvider time)
    {
        Limit = limit.Limit;
        LimitIsTheRun = limit.ByTotal;
        if (limit.Limit is { } l)
        {
            Timer = Task.Delay(l, time, _stopWaiting.Token);
        }
    }

    /// <summary>The outcome is decided: the timer and the caller's registration are no longer needed.</summary>
    public async Task StopWaitingAsync()
    {
        await _stopWaiting.CancelAsync().ConfigureAwait(false);
        await _caller.CancelAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _client.IOPubReceived -= _onIOPub;
        await StopWaitingAsync().ConfigureAwait(false);
        await _stopExecution.CancelAsync().ConfigureAwait(false);
        _stopExecution.Dispose();
        _stopWaiting.Dispose();
        _caller.Dispose();
    }

    private void OnReply(ExecuteReply reply) => _okReply.TrySetResult(reply.Status == ReplyStatus.Ok);
}
