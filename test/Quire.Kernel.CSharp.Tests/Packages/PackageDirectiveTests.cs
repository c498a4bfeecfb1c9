using Quire.Kernel.CSharp.Magics;
using Quire.Kernel.CSharp.Packages;

namespace Quire.Kernel.CSharp.Tests.Packages;

public sealed class PackageDirectiveTests
{
    [Theory]
    [InlineData("nuget: Newtonsoft.Json, 13.0.3", "Newtonsoft.Json", "13.0.3")]
    [InlineData("nuget:DiffPlex", "DiffPlex", null)]
    [InlineData("  NuGet: DiffPlex ,  1.9.0 ", "DiffPlex", "1.9.0")]
    public void Parse_ReadsIdAndOptionalVersion(string text, string id, string? version)
    {
        Assert.Equal(new PackageReference(id, version), PackageReference.Parse(text));
    }

    [Fact]
    public void Parse_LeavesFileReferencesAlone()
    {
        Assert.Null(PackageReference.Parse("lib/My.dll"));
    }

    [Theory]
    [InlineData("nuget: ")]
    [InlineData("nuget: A, 1, 2")]
    [InlineData("nuget: Bad Name, 1.0")]
    public void Parse_RejectsMalformedReferences_Clearly(string text)
    {
        var error = Assert.Throws<CellDirectiveException>(() => PackageReference.Parse(text));
        Assert.Equal("PackageRestoreError", error.EName);
    }

    [Fact]
    public void FindPackages_ReadsEveryNugetDirective_InOrder()
    {
        var packages = CellDirectives.FindPackages("#r \"nuget: A, 1.0\"\n#r \"other.dll\"\n#r \"nuget: B\"\nvar x = 1;");

        Assert.Equal([new PackageReference("A", "1.0"), new PackageReference("B", null)], packages);
    }

    [Fact]
    public void Rewrite_KeepsEveryLine_AndMakesRelativePathsAbsolute()
    {
        var code = "#r \"nuget: A, 1.0\"\n#r \"nuget: B\"\n#r \"lib/x.dll\"\n#load \"util.csx\"\n#r \"/abs/y.dll\"\nvar x = 1;";
        var root = Path.Combine(Path.GetTempPath(), "work");

        var rewritten = CellDirectives.Rewrite(code, root, "#load \"/cache/refs.csx\"");

        var lines = rewritten.Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal("#load \"/cache/refs.csx\"", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal($"#r \"{Path.Combine(root, "lib", "x.dll")}\"", lines[2]);
        Assert.Equal($"#load \"{Path.Combine(root, "util.csx")}\"", lines[3]);
        Assert.Equal("#r \"/abs/y.dll\"", lines[4]);
        Assert.Equal("var x = 1;", lines[5]);
    }

    [Fact]
    public void Rewrite_WithoutDirectives_IsTheSameText()
    {
        const string code = "var r = 1;\nr";

        Assert.Same(code, CellDirectives.Rewrite(code, "/", string.Empty));
    }
}
