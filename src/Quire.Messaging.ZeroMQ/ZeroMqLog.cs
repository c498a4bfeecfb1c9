using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ;

/// <summary>The transport's log lines. None carries a key, a signature or message content.</summary>
internal static partial class ZeroMqLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected a message on {Channel}: {Reason} ({Detail})")]
    public static partial void MessageRejected(ILogger logger, KernelChannel channel, string reason, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Dropped a message on {Channel} that could not be sent: {Detail}")]
    public static partial void SendFailed(ILogger logger, KernelChannel channel, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "ZeroMQ connection thread failed on {Channel}")]
    public static partial void HandlerFailed(ILogger logger, KernelChannel channel, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "NetMQ emulates ipc over loopback TCP (port derived from {Endpoint}): no socket file permissions, and libzmq kernels cannot connect")]
    public static partial void IpcEmulated(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "ZeroMQ {Side} connection opened on {Transport}://{Address}")]
    public static partial void Opened(ILogger logger, string side, string transport, string address);
}
