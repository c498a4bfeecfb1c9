using System.Reflection;

namespace Quire.Execution.Provenance;

/// <summary>The version written into provenance: the assembly's informational version without the build metadata.</summary>
public static class QuireVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(QuireVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
