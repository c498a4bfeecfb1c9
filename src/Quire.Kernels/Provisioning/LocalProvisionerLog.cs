using Microsoft.Extensions.Logging;

namespace Quire.Kernels.Provisioning;

/// <summary>The local provisioner's log messages. Never the key, the environment or what the kernel printed.</summary>
internal static partial class LocalProvisionerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId} ({KernelName}) started as pid {Pid}")]
    public static partial void Launched(ILogger logger, string kernelId, string kernelName, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {KernelId} (pid {Pid}) exited with code {ExitCode}")]
    public static partial void Exited(ILogger logger, string kernelId, int pid, int exitCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signal {Signal} sent to kernel {KernelId} ({Target} {Id})")]
    public static partial void Signalled(ILogger logger, int signal, string kernelId, string target, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reattached to kernel {KernelId} (pid {Pid})")]
    public static partial void Reattached(ILogger logger, string kernelId, int pid);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{SetsidPath} not found: kernel {KernelId} shares our process group and signals reach only its own process")]
    public static partial void NoSetsid(ILogger logger, string setsidPath, string kernelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Path}: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string path, string reason);
}
