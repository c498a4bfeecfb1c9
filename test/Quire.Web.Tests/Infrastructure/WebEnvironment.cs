namespace Quire.Web.Tests.Infrastructure;

/// <summary>Where the pieces of an end-to-end run are: the repository's web/, Chromium, node, quire.dll.</summary>
internal static class WebEnvironment
{
    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string QuireAssembly => Path.Combine(AppContext.BaseDirectory, "quire.dll");

    /// <summary>The repository root: the first folder above the tests that holds Quire.slnx.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Quire.slnx")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }

    public static string? WebDirectory => RepositoryRoot is { } root ? Path.Combine(root, "web") : null;

    /// <summary>Per test run: screenshots and other artifacts, beside the test assembly.</summary>
    public static string ArtifactDirectory(string scenario) => Path.Combine(AppContext.BaseDirectory, "e2e-artifacts", scenario);

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips (or on CI fails) the test unless quire.dll and the built UI are next to the tests.</summary>
    public static void RequireServer() =>
        Requirement.Satisfy(
            !File.Exists(QuireAssembly) ? $"{QuireAssembly} is missing"
            : !File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")) ? "the built UI (wwwroot/index.html) is missing next to the tests"
            : null,
            "build Quire.slnx with node and npm installed (the server's build runs the web build)");

    /// <summary>Skips (or on CI fails) the test unless Chromium, node, playwright-core, quire.dll and the built UI exist.</summary>
    public static void RequireAll()
    {
        var web = WebDirectory;
        Requirement.Satisfy(
            !File.Exists(Chromium) ? $"{Chromium} is missing"
            : FindOnPath("node") is null ? "node is not on PATH"
            : web is null ? "the repository (Quire.slnx) is not above the test folder"
            : !Directory.Exists(Path.Combine(web, "node_modules", "playwright-core")) ? "web/node_modules/playwright-core is missing"
            : !File.Exists(QuireAssembly) ? $"{QuireAssembly} is missing"
            : !File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")) ? "the built UI (wwwroot/index.html) is missing next to the tests"
            : null,
            "apt-get install chromium nodejs npm, then build Quire.slnx (its web build runs npm ci in web/)");
    }
}
