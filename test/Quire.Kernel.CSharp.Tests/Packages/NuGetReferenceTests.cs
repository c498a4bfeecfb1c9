using Quire.Kernel.CSharp.Packages;
using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Kernel.CSharp.Tests.Magics;

namespace Quire.Kernel.CSharp.Tests.Packages;

/// <summary>
/// Restores real packages with the machine's dotnet and NuGet configuration. DiffPlex 1.9.0 is one of the
/// repository's own dependencies, so restoring the repository has put it in the local package cache: no network.
/// </summary>
public sealed class NuGetReferenceTests
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);

    private const string UseDiffPlex = "new DiffPlex.Differ().CreateLineDiffs(\"a\\nb\", \"a\\nc\", false).DiffBlocks.Count";

    [Fact]
    public async Task NugetDirective_RestoresThePackage_ForThisCellAndTheNext()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var first = await kernel.ExecuteAsync($"#r \"nuget: DiffPlex, 1.9.0\"\n{UseDiffPlex}", timeout: RestoreTimeout);
        var second = await kernel.ExecuteAsync("typeof(DiffPlex.Differ).Assembly.GetName().Version.ToString()");

        Assert.True(first.IsOk, first.Reply.Evalue);
        Assert.Equal(["1"], first.Results);
        Assert.Contains("Restoring NuGet package DiffPlex 1.9.0", first.Streams("stderr"), StringComparison.Ordinal);
        Assert.True(second.IsOk, second.Reply.Evalue);
        Assert.Equal(["1.9.0.0"], second.Results);
    }

    [Fact]
    public async Task NugetDirective_WithTheEnginesRunner_AddsReferencesDirectly()
    {
        using var cache = new TempDirectory();
        await using var kernel = new DispatcherKernel(new PackageManager(cache.Path));

        var first = await kernel.ExecuteAsync($"#r \"nuget: DiffPlex, 1.9.0\"\n{UseDiffPlex}", RestoreTimeout);
        var second = await kernel.ExecuteAsync(UseDiffPlex);

        Assert.True(first.IsOk, first.Reply.Evalue);
        Assert.Equal(["1"], first.Results);
        Assert.Equal(["1"], second.Results);
        Assert.True(File.Exists(Path.Combine(cache.Path, "obj", "project.assets.json")), "the restore ran in the kernel's own directory");
        Assert.Empty(Directory.GetFiles(cache.Path, "*.csx"));
    }

    [Fact]
    public async Task UnknownPackage_FailsTheCell_NamingThePackage()
    {
        using var cache = new TempDirectory();
        await using var kernel = new DispatcherKernel(new PackageManager(cache.Path));

        var result = await kernel.ExecuteAsync("#r \"nuget: Quire.Does.Not.Exist.Anywhere, 1.0.0\"\n1", RestoreTimeout);
        var after = await kernel.ExecuteAsync("2");

        Assert.False(result.IsOk);
        Assert.Equal("PackageRestoreError", result.Reply.Ename);
        Assert.Contains("Quire.Does.Not.Exist.Anywhere 1.0.0", result.Reply.Evalue, StringComparison.Ordinal);
        Assert.Contains("NU1", result.Reply.Evalue, StringComparison.Ordinal);
        Assert.Empty(result.Results);
        Assert.Equal(["2"], after.Results);
    }

    [Fact]
    public async Task PackageTheKernelAlreadyHas_UsesTheKernelsCopy()
    {
        // Newtonsoft.Json is deployed beside this test process (the kernel here): cells must share that copy.
        var kernelCopy = Path.Combine(AppContext.BaseDirectory, "Newtonsoft.Json.dll");
        Assert.True(File.Exists(kernelCopy), $"expected {kernelCopy} beside the tests");
        using var cache = new TempDirectory();
        await using var kernel = new DispatcherKernel(new PackageManager(cache.Path));

        var result = await kernel.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 13.0.3\"\ntypeof(Newtonsoft.Json.JsonConvert).Assembly.Location", RestoreTimeout);

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal([kernelCopy], result.Results);
    }
}
