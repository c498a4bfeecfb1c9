using Microsoft.Extensions.Logging;

namespace Quire.Kernel.Hosting;

public sealed partial class KernelHost
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Ignoring unknown {Channel} message type {MsgType}")]
    private partial void LogUnknownMessage(string channel, string msgType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Handling {MsgType} failed")]
    private partial void LogHandlerFailed(string msgType, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "An input_reply matched no pending input_request")]
    private partial void LogStrayInputReply();

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Shutdown requested (restart: {Restart})")]
    private partial void LogShutdown(bool restart);
}
