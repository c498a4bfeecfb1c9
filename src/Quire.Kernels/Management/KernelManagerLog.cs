using Microsoft.Extensions.Logging;

namespace Quire.Kernels.Management;

/// <summary>The kernel manager's log messages. Never the key or code: ids, states, exit codes.</summary>
internal static partial class KernelManagerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId}: {Previous} -> {Status} ({Reason})")]
    public static partial void StatusChanged(ILogger logger, string kernelId, KernelStatus previous, KernelStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kernel {KernelId}: a StatusChanged handler failed")]
    public static partial void HandlerFailed(ILogger logger, string kernelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kernel {KernelId}: {Step} did not complete ({Reason})")]
    public static partial void StepFailed(ILogger logger, string kernelId, string step, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId} (pid group killed) was not reaped within {Timeout}")]
    public static partial void NotReaped(ILogger logger, string kernelId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kernel {KernelId}: the restart monitor failed")]
    public static partial void MonitorFailed(ILogger logger, string kernelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel {KernelId} could not bind one of its ports (exit code {ExitCode}); launching it once more on fresh ports")]
    public static partial void RetryingOnFreshPorts(ILogger logger, string kernelId, int? exitCode);
}
