namespace Quire.Server.KernelSpecs;

/// <summary>Checks <see cref="KernelSpecsOptions"/>: one line per bad setting, naming it.</summary>
public static class KernelSpecsOptionsValidator
{
    public static IReadOnlyList<string> Validate(KernelSpecsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.KernelDirectories is { } directories && directories.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("KernelSpecsOptions.KernelDirectories must not contain empty entries");
        }

        if (options.DefaultKernelName is { } name && (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))))
        {
            errors.Add($"KernelSpecsOptions.DefaultKernelName must be a kernelspec name (ASCII letters, digits, '-', '.', '_'), was '{name}'");
        }

        return errors;
    }

    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(KernelSpecsOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid settings: " + string.Join("; ", errors), nameof(options));
        }
    }
}
