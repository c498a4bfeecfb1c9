using System.Collections.Concurrent;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// jupyter_server's "nudge": <c>kernel_info_request</c> on shell and control, repeated, until a reply and an iopub
/// message have both arrived. ZeroMQ subscriptions join silently and a publisher drops what is sent before they do, so
/// only an iopub message actually received proves that the hub hears the kernel's outputs; until then a client's first
/// execution could lose its output. The replies are the server's own and never reach a client.
/// </summary>
internal sealed partial class KernelChannelsHub
{
    // The first nudge's iopub message is usually sent before the new subscription has joined, so the second one
    // decides how soon a started kernel is answered: it goes after 50 ms, and the interval doubles up to 500 ms.
    private static readonly TimeSpan FirstNudgeInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxNudgeInterval = TimeSpan.FromMilliseconds(500);
    private static readonly byte[] EmptyContent = "{}"u8.ToArray();
    private readonly ConcurrentDictionary<string, byte> _nudges = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _nudging = new(1, 1);
    private TaskCompletionSource? _nudgeIOPub;
    private TaskCompletionSource? _nudgeReply;

    /// <summary>True once the kernel answered and iopub delivered; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> NudgeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _nudging.WaitAsync(cancellationToken).ConfigureAwait(false);
        var iopub = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _nudgeIOPub, iopub);
        Volatile.Write(ref _nudgeReply, reply);
        var both = Task.WhenAll(iopub.Task, reply.Task);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var interval = FirstNudgeInterval;
            while (!both.IsCompleted)
            {
                foreach (var channel in (KernelChannel[])[KernelChannel.Shell, KernelChannel.Control])
                {
                    var request = Session.CreateRaw(MessageTypes.KernelInfoRequest, EmptyContent);
                    _nudges[request.MsgId] = 0;
                    await _channels.SendAsync(channel, request, cancellationToken).ConfigureAwait(false);
                }

                // Real time, as the kernel's own clock runs: a test's manual clock must not stall a kernel's start.
                var tick = Task.Delay(interval, deadline.Token);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxNudgeInterval.Ticks));
                await Task.WhenAny(both, tick).ConfigureAwait(false);
                if (!both.IsCompleted && !tick.IsCompletedSuccessfully)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    LogNudgeTimedOut(_logger, _kernel.Id, timeout.TotalSeconds, iopub.Task.IsCompleted, reply.Task.IsCompleted);
                    return false;
                }
            }

            return true;
        }
        finally
        {
            Volatile.Write(ref _nudgeIOPub, null);
            Volatile.Write(ref _nudgeReply, null);
            _nudges.Clear();
            _nudging.Release();
        }
    }

    private void NudgeSawIOPub() => Volatile.Read(ref _nudgeIOPub)?.TrySetResult();

    private bool IsNudgeReply(string parentMsgId)
    {
        if (!_nudges.TryRemove(parentMsgId, out _))
        {
            return false;
        }

        Volatile.Read(ref _nudgeReply)?.TrySetResult();
        return true;
    }
}
