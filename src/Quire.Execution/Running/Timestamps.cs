using System.Globalization;

namespace Quire.Execution.Running;

/// <summary>Timestamps as nbclient and papermill write them: UTC ISO 8601 with microseconds and a <c>Z</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A message header's <c>date</c> reformatted (nbclient's <c>timestamp(msg)</c>), else now.</summary>
    public static string FromHeader(string date, TimeProvider time) =>
        DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? Format(parsed)
            : Format(time.GetUtcNow());
}
