using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>Request/reply calls on shell and control.</summary>
public sealed partial class KernelClient
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    /// <summary>
    /// Sends <paramref name="request"/> on shell or control and returns the message whose parent it is.
    /// </summary>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/> (default <see cref="KernelClientOptions.DefaultTimeout"/>).</exception>
    public Task<JupyterMessage> RequestAsync(
        KernelChannel channel,
        JupyterMessage request,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (channel is not (KernelChannel.Shell or KernelChannel.Control))
        {
            throw new ArgumentException($"requests go on shell or control, not {channel}", nameof(channel));
        }

        ThrowIfDisposed();
        return RequestCoreAsync(channel, request, timeout ?? _options.DefaultTimeout, cancellationToken);
    }

    public Task<KernelInfoReply> KernelInfoAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync(KernelChannel.Shell, MessageTypes.KernelInfoRequest, new KernelInfoRequest(), Json.KernelInfoRequest, Json.KernelInfoReply, timeout, cancellationToken);

    public Task<CompleteReply> CompleteAsync(string code, int cursorPos, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Shell, MessageTypes.CompleteRequest, new CompleteRequest { Code = code, CursorPos = cursorPos },
            Json.CompleteRequest, Json.CompleteReply, null, cancellationToken);

    public Task<InspectReply> InspectAsync(string code, int cursorPos, int detailLevel = 0, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Shell, MessageTypes.InspectRequest, new InspectRequest { Code = code, CursorPos = cursorPos, DetailLevel = detailLevel },
            Json.InspectRequest, Json.InspectReply, null, cancellationToken);

    public Task<IsCompleteReply> IsCompleteAsync(string code, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Shell, MessageTypes.IsCompleteRequest, new IsCompleteRequest { Code = code },
            Json.IsCompleteRequest, Json.IsCompleteReply, null, cancellationToken);

    public Task<HistoryReply> HistoryAsync(HistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(KernelChannel.Shell, MessageTypes.HistoryRequest, request, Json.HistoryRequest, Json.HistoryReply, null, cancellationToken);
    }

    public Task<CommInfoReply> CommInfoAsync(string? targetName = null, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Shell, MessageTypes.CommInfoRequest, new CommInfoRequest { TargetName = targetName },
            Json.CommInfoRequest, Json.CommInfoReply, null, cancellationToken);

    /// <summary>Asks the kernel to shut down (or restart) on control, where it is heard even while code runs.</summary>
    public Task<ShutdownReply> ShutdownAsync(bool restart = false, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Control, MessageTypes.ShutdownRequest, new ShutdownRequest { Restart = restart },
            Json.ShutdownRequest, Json.ShutdownReply, timeout, cancellationToken);

    /// <summary>A message-based interrupt (kernelspec <c>interrupt_mode: message</c>), on control.</summary>
    public Task<InterruptReply> InterruptAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync(
            KernelChannel.Control, MessageTypes.InterruptRequest, new InterruptRequest(),
            Json.InterruptRequest, Json.InterruptReply, timeout, cancellationToken);

    private async Task<TReply> CallAsync<TRequest, TReply>(
        KernelChannel channel,
        string msgType,
        TRequest content,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TReply> replyType,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var request = Session.Create(msgType, content, requestType);
        var reply = await RequestCoreAsync(channel, request, timeout ?? _options.DefaultTimeout, cancellationToken).ConfigureAwait(false);
        return reply.GetContent(replyType);
    }

    private async Task<JupyterMessage> RequestCoreAsync(KernelChannel channel, JupyterMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = Register(request.MsgId);
        try
        {
            await _channels.SendAsync(channel, request, cancellationToken).ConfigureAwait(false);
            try
            {
                return await pending.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!pending.Task.IsCompleted)
            {
                throw new TimeoutException(TimeoutMessage(request.MsgType, ReplyType(request.MsgType), timeout));
            }
        }
        finally
        {
            _pending.TryRemove(request.MsgId, out _);
        }
    }

    private TaskCompletionSource<JupyterMessage> Register(string msgId)
    {
        // Continuations run off the receive loop, so a slow caller never stalls reply dispatch.
        var pending = new TaskCompletionSource<JupyterMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[msgId] = pending;
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Disposal may have failed the pending requests just before this one was added.
            _pending.TryRemove(msgId, out _);
            ThrowIfDisposed();
        }

        return pending;
    }

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? string.Concat(requestType.AsSpan(0, requestType.Length - 8), "_reply") : "a reply";

    private static string TimeoutMessage(string requestType, string waitedFor, TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"{requestType}: no {waitedFor} within {timeout.TotalSeconds:0.###} s");
}
