using System.Globalization;

namespace Quire.Server.Http;

/// <summary>Times as jupyter_server prints them in models and headers.</summary>
internal static class JupyterTimestamp
{
    /// <summary>
    /// Python's <c>isoformat()</c> with <c>Z</c>: microseconds, left out when zero (<c>2024-05-01T12:00:00Z</c>), so that
    /// clients comparing <c>last_modified</c> strings see what jupyter_server would send.
    /// </summary>
    public static string Iso(DateTime utc)
    {
        var micros = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        return micros == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc cref="Iso(DateTime)"/>
    public static string Iso(DateTimeOffset time) => Iso(time.UtcDateTime);

    /// <summary>An HTTP date (<c>Last-Modified</c>), which has whole seconds only.</summary>
    public static string Http(DateTime utc) => utc.ToString("R", CultureInfo.InvariantCulture);
}
