using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;

namespace Quire.Server.Kernels.Channels;

/// <summary>The hub's log messages: ids, message types and counts, never message content.</summary>
internal sealed partial class KernelChannelsHub
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: replacing a stale connection of session {Session}")]
    private static partial void LogReplacedStale(ILogger logger, string kernelId, string session);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId}: session {Session} reconnected; replaying {Count} message(s), {Dropped} dropped while it was away")]
    private static partial void LogReplaying(ILogger logger, string kernelId, string session, int count, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId}: discarding {Count} message(s) kept for session {Session}: too many sessions are away")]
    private static partial void LogBufferDiscarded(ILogger logger, string kernelId, string session, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: ignoring a {MsgType} message from a client: the type is not allowed")]
    private static partial void LogNotAllowed(ILogger logger, string kernelId, string msgType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: more than {Count} requests await replies; their replies now route by session id")]
    private static partial void LogRoutingReset(ILogger logger, string kernelId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kernel {KernelId}: {MsgType} on {Channel} has no client to go to")]
    private static partial void LogUnrouted(ILogger logger, string kernelId, KernelChannel channel, string msgType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: iopub rate limit reached for session {Session}; output is dropped until the rate falls")]
    private static partial void LogRateLimited(ILogger logger, string kernelId, string session);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kernel {KernelId}: handling a {MsgType} message from {Channel} failed")]
    private static partial void LogDispatchFailed(ILogger logger, string kernelId, KernelChannel channel, string msgType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId}: no kernel_info reply and iopub message within {Seconds} s (reply: {Replied}, iopub: {IOPub}); going on")]
    private static partial void LogNudgeTimedOut(ILogger logger, string kernelId, double seconds, bool iopub, bool replied);
}
