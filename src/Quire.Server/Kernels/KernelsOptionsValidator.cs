using Quire.Kernels.Management;

namespace Quire.Server.Kernels;

/// <summary>Checks <see cref="KernelsOptions"/>: one line per bad setting, naming it.</summary>
public static class KernelsOptionsValidator
{
    public static IReadOnlyList<string> Validate(KernelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        NotNegative(errors, nameof(options.CullIdleTimeout), options.CullIdleTimeout);
        Positive(errors, nameof(options.CullInterval), options.CullInterval);
        AtLeast(errors, nameof(options.OfflineBufferMaxMessages), options.OfflineBufferMaxMessages, 1);
        AtLeast(errors, nameof(options.OfflineBufferMaxBytes), options.OfflineBufferMaxBytes, 1);
        AtLeast(errors, nameof(options.OfflineBufferMaxSessions), options.OfflineBufferMaxSessions, 1);
        if (double.IsNaN(options.IOPubMsgRateLimit) || options.IOPubMsgRateLimit < 0)
        {
            errors.Add($"KernelsOptions.IOPubMsgRateLimit must be zero (no limit) or positive (was {options.IOPubMsgRateLimit})");
        }

        if (double.IsNaN(options.IOPubDataRateLimit) || options.IOPubDataRateLimit < 0)
        {
            errors.Add($"KernelsOptions.IOPubDataRateLimit must be zero (no limit) or positive (was {options.IOPubDataRateLimit})");
        }

        Positive(errors, nameof(options.RateLimitWindow), options.RateLimitWindow);
        Positive(errors, nameof(options.KernelInfoTimeout), options.KernelInfoTimeout);
        AtLeast(errors, nameof(options.MaxWebSocketMessageSize), options.MaxWebSocketMessageSize, 64 * 1024);
        if (options.MaxMessageBuffers is < 0 or > 65_536)
        {
            errors.Add($"KernelsOptions.MaxMessageBuffers must be between 0 and 65536 (was {options.MaxMessageBuffers})");
        }

        AtLeast(errors, nameof(options.MaxQueuedBytesPerSocket), options.MaxQueuedBytesPerSocket, 64 * 1024);
        AtLeast(errors, nameof(options.RecordedOutputsMaxBytes), options.RecordedOutputsMaxBytes, 1);
        if (options.KernelManager is null)
        {
            errors.Add("KernelsOptions.KernelManager must be set");
        }
        else
        {
            errors.AddRange(KernelManagerOptionsValidator.Validate(options.KernelManager).Select(e => "KernelsOptions." + e));
        }

        return errors;
    }

    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(KernelsOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid settings: " + string.Join("; ", errors), nameof(options));
        }
    }

    private static void NotNegative(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"KernelsOptions.{name} must not be negative (was {value}); zero turns it off");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"KernelsOptions.{name} must be a positive duration (was {value})");
        }
    }

    private static void AtLeast(List<string> errors, string name, long value, long minimum)
    {
        if (value < minimum)
        {
            errors.Add($"KernelsOptions.{name} must be at least {minimum} (was {value})");
        }
    }
}
