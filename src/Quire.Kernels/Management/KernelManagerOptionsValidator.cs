namespace Quire.Kernels.Management;

/// <summary>Checks <see cref="KernelManagerOptions"/>: one line per bad setting, naming it.</summary>
public static class KernelManagerOptionsValidator
{
    public static IReadOnlyList<string> Validate(KernelManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        OptionChecks.Positive(errors, "KernelManagerOptions.StartTimeout", options.StartTimeout);
        OptionChecks.Positive(errors, "KernelManagerOptions.KernelInfoRetryInterval", options.KernelInfoRetryInterval);
        OptionChecks.Positive(errors, "KernelManagerOptions.HeartbeatInterval", options.HeartbeatInterval);
        OptionChecks.Positive(errors, "KernelManagerOptions.InterruptTimeout", options.InterruptTimeout);
        OptionChecks.Positive(errors, "KernelManagerOptions.KillWaitTime", options.KillWaitTime);
        OptionChecks.AtLeast(errors, "KernelManagerOptions.RestartLimit", options.RestartLimit, 0);
        OptionChecks.AtLeast(errors, "KernelManagerOptions.HeartbeatMisses", options.HeartbeatMisses, 0);
        return errors;
    }

    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(KernelManagerOptions options) => OptionChecks.ThrowIfAny(Validate(options), nameof(options));
}
