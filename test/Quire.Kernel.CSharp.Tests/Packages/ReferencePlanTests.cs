using Quire.Kernel.CSharp.Packages;

namespace Quire.Kernel.CSharp.Tests.Packages;

public sealed class ReferencePlanTests
{
    private static readonly Dictionary<string, KernelAssembly> Kernel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Text.Json"] = new("System.Text.Json", new Version(10, 0, 0, 0), "/runtime/System.Text.Json.dll", IsFramework: true),
        ["Humanizer"] = new("Humanizer", new Version(2, 14, 0, 0), "/kernel/Humanizer.dll", IsFramework: false),
    };

    private static readonly Dictionary<string, (Version, string)> Nothing = [];

    [Fact]
    public void NewAssembly_IsReferencedFromThePackage()
    {
        var plan = ReferencePlan.Create([("DiffPlex", new Version(1, 9, 0, 0), "/pkgs/DiffPlex.dll")], Kernel, Nothing);

        Assert.Equal([("DiffPlex", new Version(1, 9, 0, 0), "/pkgs/DiffPlex.dll")], plan.Add);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void OlderFrameworkAssembly_FromAPackage_IsDroppedSilently()
    {
        var plan = ReferencePlan.Create([("System.Text.Json", new Version(8, 0, 0, 0), "/pkgs/System.Text.Json.dll")], Kernel, Nothing);

        Assert.Empty(plan.Add);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void KernelDependency_AtAnotherVersion_UsesTheKernelsCopy_AndWarns()
    {
        var plan = ReferencePlan.Create([("Humanizer", new Version(3, 0, 0, 0), "/pkgs/Humanizer.dll")], Kernel, Nothing);

        Assert.Equal([("Humanizer", new Version(2, 14, 0, 0), "/kernel/Humanizer.dll")], plan.Add);
        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("Humanizer 3.0.0.0 is not loaded", warning, StringComparison.Ordinal);
        Assert.Contains("2.14.0.0", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyAnEarlierCellReferenced_IsNotReferencedAgain()
    {
        var earlier = new Dictionary<string, (Version, string)> { ["DiffPlex"] = (new Version(1, 8, 0, 0), "/old/DiffPlex.dll") };

        var plan = ReferencePlan.Create([("DiffPlex", new Version(1, 9, 0, 0), "/pkgs/DiffPlex.dll")], Kernel, earlier);

        Assert.Empty(plan.Add);
        Assert.Contains("1.8.0.0", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }
}
