using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>The receive loops and what they do with each message.</summary>
public sealed partial class KernelClient
{
    private async Task ReceiveLoopAsync(KernelChannel channel, CancellationToken cancellationToken)
    {
        var reader = _channels.Reader(channel);
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    try
                    {
                        await DispatchAsync(channel, message, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        // One bad message (unparsable content, a throwing progress sink) must not stop the channel.
                        _logger.DispatchFailed(channel, message.MsgType, message.MsgId, ex);
                    }
                    finally
                    {
                        Dispatched();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.ReceiveLoopFailed(channel, ex);
        }
    }

    private ValueTask DispatchAsync(KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken)
    {
        switch (channel)
        {
            case KernelChannel.IOPub:
                OnIOPub(message);
                return ValueTask.CompletedTask;
            case KernelChannel.Stdin:
                return OnStdinAsync(message, cancellationToken);
            default:
                OnReply(channel, message);
                return ValueTask.CompletedTask;
        }
    }

    private void OnReply(KernelChannel channel, JupyterMessage message)
    {
        if (message.ParentMsgId is { } parent)
        {
            if (_pending.TryRemove(parent, out var pending))
            {
                pending.TrySetResult(message);
                return;
            }

            if (_executions.TryGetValue(parent, out var execution) && execution.OnReply(message))
            {
                return;
            }
        }

        // Late replies to requests that timed out or were cancelled end up here too.
        _logger.UnmatchedReply(channel, message.MsgType, message.MsgId, message.ParentMsgId);
    }

    private void OnIOPub(JupyterMessage message)
    {
        string? state = null;
        if (message.MsgType == MessageTypes.Status)
        {
            state = message.GetContent(MessagingJsonContext.Default.Status).ExecutionState;
            lock (_stateLock)
            {
                if (_executionState != ExecutionStates.Dead && !string.IsNullOrEmpty(state))
                {
                    _executionState = state;
                }
            }
        }

        // The event goes first so that a subscriber has seen every output of an execution before ExecuteAsync returns.
        try
        {
            IOPubReceived?.Invoke(this, message);
        }
        catch (Exception ex)
        {
            _logger.IOPubHandlerFailed(message.MsgType, message.MsgId, ex);
        }

        if (message.ParentMsgId is { } parent && _executions.TryGetValue(parent, out var execution))
        {
            execution.OnIOPub(message, state);
        }
    }

    private async ValueTask OnStdinAsync(JupyterMessage message, CancellationToken cancellationToken)
    {
        if (message.MsgType != MessageTypes.InputRequest)
        {
            _logger.UnexpectedStdin(message.MsgType, message.MsgId);
            return;
        }

        var request = message.GetContent(MessagingJsonContext.Default.InputRequest);
        var value = string.Empty;
        if (InputHandler is { } handler)
        {
            var callToken = message.ParentMsgId is { } parent && _executions.TryGetValue(parent, out var execution)
                ? execution.CancellationToken
                : CancellationToken.None;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken);
            try
            {
                value = await handler(request, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The kernel blocks until it gets an answer; an empty one lets the code go on (or fail) on its own.
                _logger.InputHandlerFailed(message.MsgId, ex);
            }
        }

        var reply = Session.Create(MessageTypes.InputReply, new InputReply { Value = value }, MessagingJsonContext.Default.InputReply, message);
        await _channels.SendAsync(KernelChannel.Stdin, reply, cancellationToken).ConfigureAwait(false);
    }
}
