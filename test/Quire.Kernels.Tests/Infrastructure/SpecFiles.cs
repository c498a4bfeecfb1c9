using System.Text.Json;
using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>Writes kernelspec directories for tests.</summary>
internal static class SpecFiles
{
    /// <summary>Writes <c>kernelsDir/name/kernel.json</c> with <paramref name="json"/> as its text.</summary>
    public static string WriteRaw(string kernelsDir, string name, string json)
    {
        var dir = Path.Combine(kernelsDir, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "kernel.json"), json);
        return dir;
    }

    /// <summary>Writes a kernel.json with the given argv (and display name, and extra top-level fields).</summary>
    public static string Write(string kernelsDir, string name, IReadOnlyList<string> argv, string displayName = "Test", string extra = "")
    {
        var json = $$"""{"argv": {{JsonSerializer.Serialize(argv)}}, "display_name": {{JsonSerializer.Serialize(displayName)}}, "language": "sh"{{extra}}}""";
        return WriteRaw(kernelsDir, name, json);
    }

    /// <summary>A spec (not on disk) running <c>/bin/sh -c <paramref name="script"/></c>; <c>$1</c> is the connection file.</summary>
    public static KernelSpec Shell(string script, string name = "sh-test") => new()
    {
        Name = name,
        ResourceDirectory = Path.GetTempPath(),
        Argv = ["/bin/sh", "-c", script, "sh", "{connection_file}"],
        Language = "sh",
    };
}
