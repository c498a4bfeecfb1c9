using System.Text.Json;

namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// Reads what a restore resolved from <c>obj/project.assets.json</c>: for each package of the target framework (the
/// requested ones and their dependencies), the assemblies it brings at run time, as full paths in the package folders.
/// </summary>
internal static class AssetsFile
{
    /// <summary>The runtime assemblies (the compile ones when a package has none), and the errors NuGet logged.</summary>
    public static (IReadOnlyList<string> Assemblies, IReadOnlyList<string> Errors) Read(string path, string targetFramework)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var errors = new List<string>();
        if (root.TryGetProperty("logs", out var logs))
        {
            errors.AddRange(logs.EnumerateArray()
                .Where(l => l.TryGetProperty("level", out var level) && level.GetString() == "Error")
                .Select(l => $"{Text(l, "code")}: {Text(l, "message")}".TrimStart(':', ' ')));
        }

        var folders = root.TryGetProperty("packageFolders", out var packageFolders)
            ? packageFolders.EnumerateObject().Select(f => f.Name).ToList()
            : [];
        if (!root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(targetFramework, out var target))
        {
            return ([], errors);
        }

        var libraries = root.GetProperty("libraries");
        var assemblies = new List<string>();
        foreach (var package in target.EnumerateObject())
        {
            if (Text(package.Value, "type") != "package" || !libraries.TryGetProperty(package.Name, out var library))
            {
                continue;
            }

            var files = Files(package.Value, "runtime");
            if (files.Count == 0)
            {
                files = Files(package.Value, "compile");
            }

            var libraryPath = Text(library, "path");
            assemblies.AddRange(files
                .Select(f => folders.Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, f))).FirstOrDefault(File.Exists))
                .OfType<string>());
        }

        return (assemblies, errors);
    }

    private static List<string> Files(JsonElement package, string kind) =>
        package.TryGetProperty(kind, out var files)
            ? [.. files.EnumerateObject().Select(f => f.Name).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))]
            : [];

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
