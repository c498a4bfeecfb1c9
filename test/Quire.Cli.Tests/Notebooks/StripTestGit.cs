using System.Diagnostics;

namespace Quire.Cli.Tests.Notebooks;

/// <summary>Runs the real git for the strip filter tests.</summary>
internal static class StripTestGit
{
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>The value of a local config key, or <c>null</c> when unset.</summary>
    public static async Task<string?> ConfigAsync(string directory, string key)
    {
        var all = await RunAsync(directory, "config", "--local", "--list");
        return all.Split('\n')
            .Where(l => l.StartsWith(key + "=", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 1)..])
            .SingleOrDefault();
    }

    public static async Task InitAsync(string directory) => await RunAsync(directory, "init", "--quiet");
}
