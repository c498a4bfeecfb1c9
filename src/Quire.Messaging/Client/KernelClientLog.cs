using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.Client;

/// <summary>The client's log lines. Message types and ids only: never content, which holds code and user data.</summary>
internal static partial class KernelClientLog
{
    [LoggerMessage(1, LogLevel.Information, "Dropped {MsgType} {MsgId} on {Channel}: parent {ParentMsgId} matches no pending request")]
    public static partial void UnmatchedReply(this ILogger logger, KernelChannel channel, string msgType, string msgId, string? parentMsgId);

    [LoggerMessage(2, LogLevel.Error, "Handling {MsgType} {MsgId} from {Channel} failed")]
    public static partial void DispatchFailed(this ILogger logger, KernelChannel channel, string msgType, string msgId, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "The {Channel} receive loop stopped")]
    public static partial void ReceiveLoopFailed(this ILogger logger, KernelChannel channel, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "An IOPubReceived handler threw on {MsgType} {MsgId}")]
    public static partial void IOPubHandlerFailed(this ILogger logger, string msgType, string msgId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "The input handler failed on input_request {MsgId}; answering with an empty value")]
    public static partial void InputHandlerFailed(this ILogger logger, string msgId, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Kernel heartbeat lost after {Misses} missed ping(s) at {Interval} intervals")]
    public static partial void HeartbeatLost(this ILogger logger, int misses, TimeSpan interval);

    [LoggerMessage(7, LogLevel.Warning, "Heartbeat ping failed; counted as a miss")]
    public static partial void PingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "A HeartbeatLost handler threw")]
    public static partial void HeartbeatHandlerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Ignored {MsgType} {MsgId} on stdin: only input_request is expected")]
    public static partial void UnexpectedStdin(this ILogger logger, string msgType, string msgId);
}
