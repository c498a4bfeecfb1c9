using System.Text.Json;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Server.Kernels.Channels;

/// <summary>Messages into the kernel from clients, and the server's own status messages out to them.</summary>
internal sealed partial class KernelChannelsHub
{
    /// <summary>Sends a client's message to the kernel, remembering whom the reply is for.</summary>
    public async ValueTask SendFromClientAsync(KernelSocket socket, KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken)
    {
        if (_options.AllowedMessageTypes is { Count: > 0 } allowed && !allowed.Contains(message.MsgType))
        {
            LogNotAllowed(_logger, _kernel.Id, message.MsgType);
            return;
        }

        if (channel != KernelChannel.Stdin && message.MsgType.EndsWith("_request", StringComparison.Ordinal))
        {
            if (_requests.Count >= MaxPendingRequests)
            {
                _requests.Clear();
                LogRoutingReset(_logger, _kernel.Id, MaxPendingRequests);
            }

            _requests[message.MsgId] = socket.SessionKey;
        }

        if (channel == KernelChannel.Shell && message.MsgType == MessageTypes.ExecuteRequest)
        {
            _outputs.OnExecuteRequest(_kernel, message);
        }

        await _channels.SendAsync(channel, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An iopub <c>status</c> from the server itself (<c>restarting</c>, <c>dead</c>, <c>idle</c> after an automatic
    /// restart), to every WebSocket and every waiting session, as jupyter_server tells its sockets.
    /// </summary>
    public void PushStatus(string executionState)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(new Status { ExecutionState = executionState }, MessagingJsonContext.Default.Status);
        var message = Session.CreateRaw(MessageTypes.Status, content);
        Broadcast(new OutboundMessage(ChannelNames.IOPub, message, executionState), rateLimited: false);
    }

    /// <summary>The kernel process was replaced: requests it had not answered never will be, so their routes go.</summary>
    public void ForgetPendingRequests() => _requests.Clear();
}
