using System.Runtime.InteropServices;

namespace Quire.Notebook.IO;

/// <summary>libc's <c>link(2)</c>: .NET has no API for a second name of a file.</summary>
internal static class HardLink
{
    /// <summary>
    /// Gives <paramref name="existing"/> the second name <paramref name="created"/>; that name, or null where there is
    /// no such file, the platform or the file system has no hard links, or the link is refused.
    /// </summary>
    public static string? TryCreate(string existing, string created)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return null;
        }

        try
        {
            return Link(existing, created) == 0 ? created : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "link")]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
