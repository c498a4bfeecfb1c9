using System.Runtime.InteropServices;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// libc's <c>kill(2)</c>. .NET can only SIGKILL a process; interrupting a kernel needs SIGINT, and reaching the
/// kernel's children needs a negative pid (the process group). Unix only; callers check <see cref="IsSupported"/>.
/// </summary>
internal static partial class NativeMethods
{
    public const int Esrch = 3;

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Sends <paramref name="signal"/>; 0 on success, else the errno (ESRCH: no such process or group).</summary>
    public static int SendSignal(int pid, int signal) => Kill(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
