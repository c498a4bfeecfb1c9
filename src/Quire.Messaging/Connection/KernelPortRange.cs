using System.Globalization;

namespace Quire.Messaging.Connection;

/// <summary>
/// Where kernel ports are drawn from: below (or above) the OS's ephemeral range. A client connects to a kernel's ports
/// while the kernel is still starting; a connect() to a free port inside the ephemeral range can be given that very port
/// as its own source port (a TCP self-connect), and the kernel then fails to bind with "Address already in use".
/// Ports outside the range are never chosen as source ports, so that race cannot happen (nor can another process's
/// outgoing connection take the port between our check and the kernel's bind).
/// </summary>
internal readonly record struct KernelPortRange(int Low, int High)
{
    /// <summary>Fewer candidates than this and the range is not worth using (fall back to ports from the OS).</summary>
    private const int MinimumSize = 1024;

    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>The range for this machine, or null where the ephemeral range is unknown or leaves too little room.</summary>
    public static KernelPortRange? ForThisMachine { get; } = FromEphemeral(ReadEphemeralRange());

    public int Size => High - Low + 1;

    /// <summary>The ports below the ephemeral range (from 1024 up, keeping clear of the lowest registered ports), else above it.</summary>
    public static KernelPortRange? FromEphemeral((int Low, int High)? ephemeral)
    {
        if (ephemeral is not { } range)
        {
            return null;
        }

        var below = new KernelPortRange(Math.Max(1024, range.Low / 2), range.Low - 1);
        if (below.Size >= MinimumSize)
        {
            return below;
        }

        var above = new KernelPortRange(range.High + 1, 65535);
        return above.Size >= MinimumSize ? above : null;
    }

    /// <summary>"32768\t60999" as Linux writes it; null when absent or unreadable.</summary>
    public static (int Low, int High)? Parse(string? text)
    {
        var parts = text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 2 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low is > 0 and <= 65535 && high >= low && high <= 65535
            ? (low, high)
            : null;
    }

    private static (int Low, int High)? ReadEphemeralRange()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return Parse(File.ReadAllText(EphemeralRangeFile));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
