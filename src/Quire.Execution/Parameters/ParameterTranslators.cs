namespace Quire.Execution.Parameters;

/// <summary>
/// Chooses a translator as papermill's <c>find_translator</c> does: by kernel name first, then by the kernel's
/// language; languages without one get <see cref="JsonFallbackTranslator"/>.
/// </summary>
public static class ParameterTranslators
{
    public static ParameterTranslator Find(string? kernelName, string? language)
    {
        return ByName(kernelName) ?? ByName(language) ?? new JsonFallbackTranslator();

        static ParameterTranslator? ByName(string? name) => name?.ToLowerInvariant() switch
        {
            "python" or "python3" or "python2" => new PythonTranslator(),
            "r" or "ir" => new RTranslator(),
            "c#" or "csharp" or ".net-csharp" => new CSharpTranslator(),
            _ => null,
        };
    }
}
