using System.Text.Json;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// A temporary <c>kernels</c> directory holding <c>quire-test</c>, a kernelspec for the scripted test kernel
/// (testassets/Quire.TestKernel: <c>print T</c>, <c>sleep S</c>, <c>exit C</c>, …), which starts in a fraction of a
/// second and does exactly what a test asks.
/// </summary>
internal sealed class TestKernelSpecs : IDisposable
{
    public const string TestKernel = "quire-test";

    /// <summary>Debian's system kernels directory, where python3-ipykernel puts <c>python3</c>.</summary>
    public const string SystemKernels = "/usr/share/jupyter/kernels";

    public TestKernelSpecs()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("quire-kernelspecs-").FullName;
        Write(TestKernel, "Quire test kernel");
    }

    /// <summary>The <c>kernels</c> directory.</summary>
    public string Directory { get; }

    /// <summary>Writes another spec of the test kernel (with <paramref name="extra"/> top-level kernel.json fields).</summary>
    public string Write(string name, string displayName, string extra = "")
    {
        var directory = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(directory);

        // The tests run on the ASP.NET Core framework, so packages it carries are not copied next to them; the kernel
        // gets that framework too, as the server does for its C# kernel.
        var runtimeConfig = Path.Combine(directory, "test-kernel.runtimeconfig.json");
        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        File.WriteAllText(runtimeConfig, $$$"""
            {"runtimeOptions": {"tfm": "net10.0", "frameworks": [
              {"name": "Microsoft.NETCore.App", "version": "{{{version}}}"}, {"name": "Microsoft.AspNetCore.App", "version": "{{{version}}}"}]}}
            """);
        var argv = JsonSerializer.Serialize(new[]
        {
            DotnetHost(), "exec", "--runtimeconfig", runtimeConfig, Path.Combine(AppContext.BaseDirectory, "Quire.TestKernel.dll"), "-f", "{connection_file}",
        });
        File.WriteAllText(
            Path.Combine(directory, "kernel.json"),
            $$"""{"argv": {{argv}}, "display_name": {{JsonSerializer.Serialize(displayName)}}, "language": "quire-test", "interrupt_mode": "message"{{extra}}}""");
        return directory;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // The muxer of the running runtime: the test host itself is an apphost and cannot run another assembly.
    private static string DotnetHost()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var muxer = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "dotnet"));
        return File.Exists(muxer) ? muxer : "dotnet";
    }
}
