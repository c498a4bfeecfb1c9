using System.Text.RegularExpressions;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Server;

/// <summary>
/// <c>quire serve</c>, run as a user runs it: <c>dotnet quire.dll serve --port 0</c> from the build output next to the
/// tests (the Quire.Cli project reference puts it there), its URL read from what it prints.
/// </summary>
public sealed partial class QuireServeUnderTest : ServerUnderTest
{
    /// <summary>quire.dll, copied next to the tests by the Quire.Cli project reference.</summary>
    public static string QuireAssembly => Path.Combine(AppContext.BaseDirectory, "quire.dll");

    public override string Name => "quire serve";

    public override void RequireComponents()
    {
        // The scenarios start python3 kernels too: Quire finds Debian's ipykernel through its kernelspec.
        Requirement.Satisfy(
            !File.Exists(QuireAssembly) ? $"{QuireAssembly} is missing (the Quire.Cli project reference should copy it next to the tests)"
            : !PythonEnvironment.HasModule("ipykernel") ? $"{PythonEnvironment.InterpreterPath} cannot import ipykernel"
            : null,
            "quire serve is driven with both kernels: build Quire.slnx and apt-get install python3-ipykernel");
    }

    internal override async Task<(ServerProcess Process, Uri BaseUrl)> LaunchAsync(
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        string[] arguments = [QuireAssembly, "serve", "--root", RootDirectory, "--ip", "127.0.0.1", "--port", "0", "--token", Token];
        var (process, ready) = await ServerProcess.StartAsync(DotnetHost(), arguments, environment, ListeningLine(), timeout, cancellationToken)
            .ConfigureAwait(false);
        return (process, new Uri(ready.Groups["url"].Value));
    }

    // `dotnet test` tells the tests which host runs them; a bare "dotnet" would depend on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    // "    http://127.0.0.1:PORT/?token=T" once it listens.
    [GeneratedRegex(@"(?<url>https?://[^\s?]+/)\?token=")]
    private static partial Regex ListeningLine();
}
