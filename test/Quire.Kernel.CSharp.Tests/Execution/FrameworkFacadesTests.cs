using Microsoft.CodeAnalysis;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

/// <summary>Cells compile without the framework's unused facades, and an assembly compiled against one still works.</summary>
public sealed class FrameworkFacadesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Split_LeavesOutOnlyFacadesThatNoOtherReferenceNames()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(directory, "*.dll")
            .Where(f => Path.GetFileName(f) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "netstandard.dll" or "mscorlib.dll" or "System.Linq.dll")
            .Select(f => AssemblyMetadata.CreateFromFile(f).GetReference(filePath: f));

        var (kept, facades) = FrameworkFacades.Split(references);

        // System.Runtime is a facade too, but System.Linq names it; netstandard and mscorlib are named by none of these.
        Assert.Equal(["System.Linq", "System.Private.CoreLib", "System.Runtime"], Names(kept));
        Assert.Equal(["mscorlib", "netstandard"], Names(facades));
    }

    [Fact]
    public async Task ACellReferencingALibraryBuiltForNetStandard_BindsItsTypes()
    {
        // AsyncIO (a dependency of the kernel's transport) is built for netstandard: its signatures name
        // [netstandard]System.Net.Sockets.AddressFamily, which only the netstandard facade forwards to the framework.
        var asyncIo = Path.Combine(AppContext.BaseDirectory, "AsyncIO.dll");
        Assert.True(File.Exists(asyncIo), $"expected the kernel's dependency at {asyncIo}");
        await using var kernel = await CSharpKernelHarness.StartAsync();
        await kernel.ExecuteAsync("1 + 1");

        var result = await kernel.ExecuteAsync(
            $"#r \"{asyncIo}\"\n" +
            "Func<System.Net.Sockets.AddressFamily, System.Net.Sockets.SocketType, System.Net.Sockets.ProtocolType, AsyncIO.AsyncSocket> create = AsyncIO.AsyncSocket.Create;\n" +
            "create.Method.Name");
        var later = await kernel.ExecuteAsync("create.Method.ReturnType.Name");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["Create"], result.Results);
        Assert.True(later.IsOk, later.Reply.Evalue);
        Assert.Equal(["AsyncSocket"], later.Results);
    }

    [Fact]
    public async Task Cells_CompileWithoutTheUnusedFacades()
    {
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
        var run = await runner.RunAsync("typeof(System.Text.RegularExpressions.Regex).Name", TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var references = Names(runner.Options.MetadataReferences);

        Assert.Null(run.Exception);
        Assert.Equal("Regex", run.Value);
        Assert.DoesNotContain("netstandard", references);
        Assert.DoesNotContain("mscorlib", references);
        Assert.Contains("System.Runtime", references);
        Assert.Contains("System.Private.CoreLib", references);
        Assert.Contains("Quire.Kernel.CSharp", references);
    }

    private static List<string> Names(IEnumerable<MetadataReference> references) =>
        [.. references.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath!)).Order(StringComparer.Ordinal)];
}
