using System.Text.Json.Nodes;
using Quire.Kernel.CSharp;

namespace Quire.Server.KernelSpecs;

/// <summary>
/// The kernelspec the server synthesises for Quire's C# kernel: <c>Quire.Kernel.CSharp.dll</c> from next to the
/// server's own assemblies, run by the current <c>dotnet</c>.
/// </summary>
/// <remarks>
/// The server runs on the ASP.NET Core shared framework, so the build leaves out of its directory the packages that
/// framework carries (Microsoft.Extensions.Logging.Abstractions among them) — packages the kernel needs too. The kernel
/// is therefore run with a runtimeconfig of its own that adds the ASP.NET Core framework to the kernel's, through
/// <c>dotnet exec --runtimeconfig</c>: it finds those assemblies where the server does.
/// </remarks>
internal static class CSharpKernelSpec
{
    public const string RuntimeConfigFileName = "quire-csharp-kernel.runtimeconfig.json";

    /// <summary>Writes the kernelspec directory (kernel.json, logos, runtimeconfig).</summary>
    public static async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var launch = KernelSpecLaunch.Argv(Environment.ProcessPath);
        string[] argv = [launch[0], "exec", "--runtimeconfig", Path.Combine(Path.GetFullPath(directory), RuntimeConfigFileName), .. launch.Skip(1)];
        await KernelSpecWriter.WriteAsync(directory, KernelSpecWriter.DefaultDisplayName, argv, cancellationToken).ConfigureAwait(false);
        var runtimeConfig = await RuntimeConfigAsync(launch[1], cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, RuntimeConfigFileName), runtimeConfig, cancellationToken).ConfigureAwait(false);
    }

    // The kernel's own runtimeconfig (its JIT and globalization settings), with the ASP.NET Core framework added.
    private static async Task<string> RuntimeConfigAsync(string kernelAssembly, CancellationToken cancellationToken)
    {
        var own = Path.ChangeExtension(kernelAssembly, ".runtimeconfig.json");
        var root = File.Exists(own)
            ? JsonNode.Parse(await File.ReadAllTextAsync(own, cancellationToken).ConfigureAwait(false)) as JsonObject ?? []
            : [];
        var options = root["runtimeOptions"] as JsonObject ?? [];
        root["runtimeOptions"] = options;
        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        options.Remove("framework");
        options["frameworks"] = new JsonArray(
            new JsonObject { ["name"] = "Microsoft.NETCore.App", ["version"] = version },
            new JsonObject { ["name"] = "Microsoft.AspNetCore.App", ["version"] = version });
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
