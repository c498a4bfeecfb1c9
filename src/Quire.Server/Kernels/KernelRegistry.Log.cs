using Microsoft.Extensions.Logging;

namespace Quire.Server.Kernels;

/// <summary>The registry's log messages: ids, names, states and durations.</summary>
internal sealed partial class KernelRegistry
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel started: {KernelId} ({Name}) in {WorkingDirectory}")]
    private static partial void LogStarted(ILogger logger, string kernelId, string name, string workingDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel shut down: {KernelId}")]
    private static partial void LogShutDown(ILogger logger, string kernelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId} could not be shut down cleanly")]
    private static partial void LogShutdownFailed(ILogger logger, string kernelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exception restarting kernel {KernelId}")]
    private static partial void LogRestartFailed(ILogger logger, string kernelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId} died and is being restarted: {Reason}")]
    private static partial void LogAutoRestart(ILogger logger, string kernelId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kernel {KernelId} is dead: {Reason}")]
    private static partial void LogDead(ILogger logger, string kernelId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Culling kernels idle more than {Timeout} s every {Interval} s (busy ones too: {Busy}; connected ones too: {Connected})")]
    private static partial void LogCulling(ILogger logger, double timeout, double interval, bool busy, bool connected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Culling '{State}' kernel {KernelId} ({Name}) with {Connections} connection(s) after {IdleSeconds} s of inactivity")]
    private static partial void LogCulled(ILogger logger, string kernelId, string name, string state, int connections, long idleSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking kernel {KernelId} for idleness failed")]
    private static partial void LogCullFailed(ILogger logger, string kernelId, Exception exception);
}
