using System.CommandLine;
using System.Text.Json;
using Quire.Cli.Hosting;
using Quire.Cli.Kernels;
using Quire.Cli.Tests.Infrastructure;
using Quire.Kernel.CSharp;

namespace Quire.Cli.Tests.Kernels;

public sealed class KernelInstallCommandTests
{
    [Fact]
    public async Task Prefix_WritesJupytersLayout_WithKernelJsonAndLogos()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path);

        var resourceDir = Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Installed kernelspec csharp in {resourceDir}\n", result.StandardOutput);
        Assert.Equal(["kernel.json", "logo-32x32.png", "logo-64x64.png"], Directory.GetFiles(resourceDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(resourceDir, "logo-64x64.png"))[..8]);
    }

    [Fact]
    public async Task KernelJson_StartsTheShippedKernelWithAbsolutePaths()
    {
        using var temp = new TempDirectory();

        await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path);

        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp", "kernel.json")));
        var root = spec.RootElement;
        var argv = root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(4, argv.Count);
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[0]), $"argv[0] was expected to be the dotnet host, absolute: {argv[0]}");
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(argv[0]));
        Assert.Equal(KernelSpecLaunch.LaunchedAssemblyPath, argv[1]);
        Assert.True(File.Exists(argv[1]), $"the kernel assembly was expected next to quire.dll: {argv[1]}");
        Assert.True(argv[1].StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), $"the kernel was expected to be the one shipped with quire.dll: {argv[1]}");
        Assert.Equal(["-f", "{connection_file}"], argv[2..]);
        Assert.Equal("C#", root.GetProperty("display_name").GetString());
        Assert.Equal("csharp", root.GetProperty("language").GetString());
        Assert.Equal("message", root.GetProperty("interrupt_mode").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task ReleaseBuilds_StartTheKernelCompiledAheadOfTime()
    {
        using var temp = new TempDirectory();

        await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path);

        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp", "kernel.json")));
        var assembly = spec.RootElement.GetProperty("argv")[1].GetString()!;
#if DEBUG
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Quire.Kernel.CSharp.dll"), assembly);
#else
        // The ReadyToRun build (see src/Quire.Kernel.CSharp/ReadyToRun.targets) starts the first cell in a fraction of the time.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, KernelSpecLaunch.ReadyToRunFolder, "Quire.Kernel.CSharp.dll"), assembly);
        Assert.True(File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json")), "the ReadyToRun kernel was expected with its runtimeconfig.json");
#endif
    }

    [Fact]
    public async Task NameAndDisplayName_NameTheDirectoryInLowerCase()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path, "--name", "CSharp-Preview", "--display-name", "C# (preview)");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = File.ReadAllText(Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp-preview", "kernel.json"));
        Assert.Equal("C# (preview)", JsonDocument.Parse(json).RootElement.GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Reinstall_ReplacesTheOldDirectory()
    {
        using var temp = new TempDirectory();
        var resourceDir = Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp");
        Directory.CreateDirectory(resourceDir);
        File.WriteAllText(Path.Combine(resourceDir, "stale.txt"), "old");

        var result = await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(resourceDir, "stale.txt")), "a reinstall was expected to replace the directory, as jupyter does");
    }

    [Fact]
    public async Task User_WritesToTheJupyterDataDirectory()
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["JUPYTER_DATA_DIR"] = temp.Path };

        var result = await RunAsync(environment, "kernel", "install", "--user");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Path, "kernels", "csharp", "kernel.json")), result.ToString());
    }

    [Theory]
    [InlineData("--user", "--prefix", "/tmp/x")]
    [InlineData("--name", "no spaces")]
    public async Task BadOptions_AreUsageErrors(params string[] options)
    {
        var result = await CliRunner.RunAsync(["kernel", "install", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith("quire: ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsTheInstalledSpec_AsTextAndJson()
    {
        using var temp = new TempDirectory();
        await CliRunner.RunAsync("kernel", "install", "--prefix", temp.Path, "--name", "csharp-listed");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUPYTER_PATH"] = Path.Combine(temp.Path, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(temp.Path, "data"),
        };

        var text = await RunAsync(environment, "kernel", "list");
        var json = await RunAsync(environment, "kernel", "list", "--json");

        var resourceDir = Path.Combine(temp.Path, "share", "jupyter", "kernels", "csharp-listed");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("Available kernels:\n", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(text.StandardOutput.Split('\n'), l => l.Trim().StartsWith("csharp-listed ", StringComparison.Ordinal) && l.EndsWith(resourceDir, StringComparison.Ordinal));
        var listed = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("kernelspecs").GetProperty("csharp-listed");
        Assert.Equal(resourceDir, listed.GetProperty("resource_dir").GetString());
        Assert.Equal("csharp", listed.GetProperty("spec").GetProperty("language").GetString());
        Assert.Equal("message", listed.GetProperty("spec").GetProperty("interrupt_mode").GetString());
    }

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // The kernel commands with their own environment: Jupyter's paths come from variables the tests must not set process-wide.
    private static async Task<CliResult> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(new MemoryStream(), output, error, colors: false);
        var root = new RootCommand { KernelCommand.Create(console, name => environment.GetValueOrDefault(name)) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await console.Out.FlushAsync(TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToArray(), error.ToString());
    }
}
