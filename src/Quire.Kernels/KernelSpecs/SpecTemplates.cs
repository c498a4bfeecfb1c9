using System.Text.RegularExpressions;

namespace Quire.Kernels.KernelSpecs;

/// <summary>The two substitutions jupyter_client applies to a kernelspec at launch.</summary>
internal static partial class SpecTemplates
{
    /// <summary>
    /// <c>string.Template(value).safe_substitute(environment)</c>: <c>$$</c> is a dollar, <c>$NAME</c> and <c>${NAME}</c>
    /// are replaced when the variable exists and left as written when it does not.
    /// </summary>
    public static string SubstituteEnvironment(string value, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains('$', StringComparison.Ordinal)
            ? DollarPattern().Replace(value, match =>
            {
                if (match.Groups["escaped"].Success)
                {
                    return "$";
                }

                var name = match.Groups["named"].Success ? match.Groups["named"].Value : match.Groups["braced"].Value;
                return name.Length > 0 && environment.TryGetValue(name, out var replacement) ? replacement : match.Value;
            })
            : value;
    }

    /// <summary><c>format_kernel_cmd</c>: <c>{name}</c> is replaced when <paramref name="values"/> has it, else left as written.</summary>
    public static string SubstituteArgument(string argument, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return BracePattern().Replace(argument, match => values.TryGetValue(match.Groups[1].Value, out var v) ? v : match.Value);
    }

    // Python's Template.pattern: idpattern [_a-z][_a-z0-9]* under re.IGNORECASE, ASCII only.
    [GeneratedRegex(@"\$(?:(?<escaped>\$)|(?<named>[_a-zA-Z][_a-zA-Z0-9]*)|\{(?<braced>[_a-zA-Z][_a-zA-Z0-9]*)\})", RegexOptions.CultureInvariant)]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex BracePattern();
}
