namespace Quire.Kernels;

/// <summary>Collects option errors as one line each, naming the setting as a user would write it.</summary>
internal static class OptionChecks
{
    public static void Positive(List<string> errors, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{setting} must be a positive duration (was {value})");
        }
    }

    public static void AtLeast(List<string> errors, string setting, int value, int minimum)
    {
        if (value < minimum)
        {
            errors.Add($"{setting} must be at least {minimum} (was {value})");
        }
    }

    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists them all.</exception>
    public static void ThrowIfAny(IReadOnlyList<string> errors, string paramName)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid settings: " + string.Join("; ", errors), paramName);
        }
    }
}
