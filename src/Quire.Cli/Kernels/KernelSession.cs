using Quire.Kernels.Management;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Cli.Kernels;

/// <summary>
/// The kernel a console talks to: one it started (and shuts down when disposed) or one it attached to with
/// <c>--existing</c> (left running). Executions end with a <see cref="KernelSessionException"/> when the kernel dies.
/// </summary>
internal sealed partial class KernelSession : IAsyncDisposable
{
    private static readonly TimeSpan LostReasonWait = TimeSpan.FromSeconds(5);

    private readonly KernelManager? _manager;
    private readonly KernelClient? _attached;
    private readonly Lock _lock = new();
    private CancellationTokenSource _lost = new();
    private string? _lostReason;
    private TaskCompletionSource<string> _lostSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KernelSession(KernelManager? manager, KernelClient? attached, KernelInfoReply info)
    {
        _manager = manager;
        _attached = attached;
        KernelInfo = info;
        if (manager is not null)
        {
            manager.StatusChanged += OnStatusChanged;
        }
        else
        {
            attached!.HeartbeatLost += (_, _) => OnLost("the kernel stopped answering heartbeats", restarting: false);
        }
    }

    /// <summary>Raised (on a background thread) when the kernel dies; the text says what happened and what comes next.</summary>
    public event EventHandler<string>? Lost;

    /// <summary>False when the console attached to a kernel it must leave running.</summary>
    public bool Owned => _manager is not null;

    public KernelInfoReply KernelInfo { get; }

    /// <summary>Whether the kernel is gone for good (dead and not being restarted).</summary>
    public bool IsGone => _manager is { Status: KernelStatus.Dead or KernelStatus.ShutDown } || _attached?.ExecutionState == ExecutionStates.Dead;

    public KernelClient Client => _manager is null
        ? _attached!
        : _manager.Client ?? throw new KernelSessionException(_lostReason ?? "the kernel is not running");

    /// <summary>Runs one cell, reporting each output as it arrives; <paramref name="input"/> answers <c>input()</c>.</summary>
    /// <exception cref="KernelSessionException">The kernel died before the cell finished.</exception>
    public async Task<ExecutionResult> ExecuteAsync(
        string code,
        Action<JupyterMessage> output,
        Func<InputRequest, CancellationToken, ValueTask<string>>? input,
        CancellationToken cancellationToken,
        ExecuteOptions? options = null)
    {
        CancellationToken lostToken;
        lock (_lock)
        {
            lostToken = _lost.Token;
        }

        var client = Client;
        client.InputHandler = input;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lostToken);
        try
        {
            return await client.ExecuteAsync(code, options, new SyncProgress<JupyterMessage>(output), linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
            ex is OperationCanceledException or KernelDeadException or ObjectDisposedException)
        {
            // The manager closes the client before it reports why; the reason is worth a moment's wait.
            TaskCompletionSource<string> signal;
            lock (_lock)
            {
                signal = _lostSignal;
            }

            await ((Task)signal.Task).WaitAsync(LostReasonWait, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new KernelSessionException(_lostReason ?? $"the kernel died ({ex.Message})", ex);
        }
    }

    /// <summary>A signal for kernels we started (or a message, per their kernelspec); a message for attached ones.</summary>
    public async Task InterruptAsync(CancellationToken cancellationToken)
    {
        if (_manager is not null)
        {
            await _manager.InterruptAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _attached!.InterruptAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_manager is not null)
        {
            _manager.StatusChanged -= OnStatusChanged;
            await _manager.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await _attached!.DisposeAsync().ConfigureAwait(false);
        }

        _lost.Dispose();
    }

    private void OnStatusChanged(object? sender, KernelStatusChangedEventArgs e)
    {
        switch (e.Status)
        {
            case KernelStatus.Restarting when e.Previous == KernelStatus.Running:
                OnLost($"the kernel died ({e.Reason})", restarting: true);
                break;
            case KernelStatus.Dead:
                OnLost($"the kernel died and was not restarted: {e.Reason}", restarting: false);
                break;
            case KernelStatus.Running when e.Previous == KernelStatus.Restarting:
                lock (_lock)
                {
                    // Executions from here on belong to the new process.
                    _lost = new CancellationTokenSource();
                    _lostSignal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                break;
        }
    }

    private void OnLost(string reason, bool restarting)
    {
        CancellationTokenSource lost;
        TaskCompletionSource<string> signal;
        lock (_lock)
        {
            _lostReason = reason;
            (lost, signal) = (_lost, _lostSignal);
        }

        lost.Cancel();
        signal.TrySetResult(reason);
        Lost?.Invoke(this, restarting ? $"{reason}; restarting it" : reason);
    }
}
