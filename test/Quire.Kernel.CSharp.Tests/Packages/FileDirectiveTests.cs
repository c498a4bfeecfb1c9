using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Packages;

public sealed class FileDirectiveTests
{
    [Fact]
    public async Task RelativeReferenceAndLoad_ResolveAgainstTheWorkingDirectory()
    {
        using var directory = new TempDirectory();
        var dll = Path.Combine(directory.Path, "Greeter.dll");
        EmitLibrary(dll, "public static class Greeter { public static string Hello(string name) => $\"hello {name}\"; }");
        File.WriteAllText(Path.Combine(directory.Path, "util.csx"), "int Triple(int x) => 3 * x;\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, directory.Path);
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync($"#r \"{Path.Combine(relative, "Greeter.dll")}\"\n#load \"{Path.Combine(relative, "util.csx")}\"\nGreeter.Hello(\"ada\") + Triple(2)");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal(["hello ada6"], result.Results);
    }

    [Fact]
    public async Task MissingReference_IsACompileErrorNamingTheFile()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("#r \"no/such/Library.dll\"\n1");

        Assert.False(result.IsOk);
        Assert.Contains("Library.dll", result.Reply.Evalue, StringComparison.Ordinal);
    }

    private static void EmitLibrary(string path, string source)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
