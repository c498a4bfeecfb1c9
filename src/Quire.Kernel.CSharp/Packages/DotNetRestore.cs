using System.Diagnostics;

namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// Runs <c>dotnet restore</c> on a project, passing each line of its output on as it comes, so a slow download shows
/// progress in the cell. The dotnet used is the one running the kernel when the kernel runs under dotnet, else the
/// one on PATH; NuGet sources and caches are the machine's own configuration.
/// </summary>
internal static class DotNetRestore
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunAsync(string projectPath, Func<string, CancellationToken, ValueTask> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotNetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
        };
        foreach (var argument in new[]
                 {
                     "restore", projectPath, "--nologo", "--disable-build-servers", "-tl:off", "-v:minimal",
                     "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // A kernel started by `dotnet test` or an IDE inherits MSBuild's variables (SDK paths, node settings) of another
        // build; restore must find its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "MSBuildSDKsPath").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = new List<string>();
        try
        {
            await Task.WhenAll(
                PumpAsync(process.StandardOutput, output, onLine, cancellationToken),
                PumpAsync(process.StandardError, output, onLine, cancellationToken)).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // An interrupted cell must not leave a restore (and its MSBuild nodes) running behind it.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, output);
    }

    public static string DotNetExecutable()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        // The SDK sets DOTNET_HOST_PATH for the processes it starts (tests, tools): the same dotnet that built them.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    }

    private static async Task PumpAsync(StreamReader reader, List<string> output, Func<string, CancellationToken, ValueTask> onLine, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.Add(line);
            }

            if (line.Trim().Length > 0)
            {
                await onLine(line, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
