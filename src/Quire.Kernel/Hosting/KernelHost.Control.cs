using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Hosting;

public sealed partial class KernelHost
{
    private async Task ControlLoopAsync(CancellationToken cancellationToken)
    {
        var json = MessagingJsonContext.Default;
        var reader = _channels.Reader(KernelChannel.Control);
        await foreach (var request in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                switch (request.MsgType)
                {
                    case MessageTypes.InterruptRequest:
                        // Cancels the running cell's token; an engine that observes it stops the cell.
                        CancelRunningCell();
                        await ReplyAsync(KernelChannel.Control, request, MessageTypes.InterruptReply, new InterruptReply(), json.InterruptReply, cancellationToken).ConfigureAwait(false);
                        break;
                    case MessageTypes.ShutdownRequest:
                        await ShutdownAsync(KernelChannel.Control, request, cancellationToken).ConfigureAwait(false);
                        break;
                    case MessageTypes.KernelInfoRequest:
                        await ReplyKernelInfoAsync(KernelChannel.Control, request, cancellationToken).ConfigureAwait(false);
                        break;
                    case MessageTypes.DebugRequest:
                        var debug = new DebugReply { Type = "response", Success = false, Message = "this kernel has no debugger" };
                        await ReplyAsync(KernelChannel.Control, request, MessageTypes.DebugReply, debug, json.DebugReply, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        LogUnknownMessage("control", request.MsgType);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(request.MsgType, ex);
            }
        }
    }

    private void CancelRunningCell()
    {
        try
        {
            Volatile.Read(ref _running)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell finished between reading the field and cancelling it: nothing is left to interrupt.
        }
    }

    private async Task ShutdownAsync(KernelChannel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var restart = request.GetContent(MessagingJsonContext.Default.ShutdownRequest).Restart;
        LogShutdown(restart);
        CancelRunningCell();
        await ReplyAsync(channel, request, MessageTypes.ShutdownReply, new ShutdownReply { Restart = restart }, MessagingJsonContext.Default.ShutdownReply, cancellationToken).ConfigureAwait(false);
        _shutdown.TrySetResult(restart);
    }

    private async Task StdinLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _channels.Reader(KernelChannel.Stdin);
        await foreach (var reply in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reply.MsgType == MessageTypes.InputReply && TakePendingInput(reply.ParentMsgId) is { } pending)
            {
                pending.TrySetResult(reply.GetContent(MessagingJsonContext.Default.InputReply).Value);
            }
            else
            {
                LogStrayInputReply();
            }
        }
    }

    /// <summary>
    /// The input request a reply answers: by its parent header, or, when the reply has none (jupyter_client's
    /// <c>KernelClient.input()</c> sends it so, and ipykernel accepts it), the only one waiting.
    /// </summary>
    private TaskCompletionSource<string>? TakePendingInput(string? parent)
    {
        if (parent is not null)
        {
            return _pendingInputs.TryRemove(parent, out var byParent) ? byParent : null;
        }

        var waiting = _pendingInputs.ToArray();
        return waiting.Length == 1 && _pendingInputs.TryRemove(waiting[0].Key, out var only) ? only : null;
    }

    internal async Task<string> RequestInputAsync(JupyterMessage executeRequest, string prompt, bool password, CancellationToken cancellationToken)
    {
        // input_request goes to the frontend that sent the cell: its stdin socket shares the shell identity.
        var message = Session.Create(MessageTypes.InputRequest, new InputRequest { Prompt = prompt, Password = password },
            MessagingJsonContext.Default.InputRequest, executeRequest).WithIdentities(executeRequest.Identities);
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingInputs[message.MsgId] = pending;
        try
        {
            await _channels.SendAsync(KernelChannel.Stdin, message, cancellationToken).ConfigureAwait(false);
            var wait = pending.Task.WaitAsync(cancellationToken);
            return _options.InputTimeout is { } timeout ? await wait.WaitAsync(timeout, cancellationToken).ConfigureAwait(false) : await wait.ConfigureAwait(false);
        }
        finally
        {
            _pendingInputs.TryRemove(message.MsgId, out _);
        }
    }
}
