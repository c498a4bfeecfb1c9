using System.Globalization;

namespace Quire.Benchmarks;

/// <summary>Resident memory from /proc/self/status, the same figure Python's ru_maxrss reports.</summary>
internal static class ProcessMemory
{
    public static long PeakResidentBytes() => ReadKib("VmHWM:") * 1024;

    public static long ResidentBytes() => ReadKib("VmRSS:") * 1024;

    private static long ReadKib(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var parts = line[field.Length..].Trim().Split(' ');
                return long.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
