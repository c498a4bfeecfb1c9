using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Tests.Infrastructure;

namespace Quire.Kernels.Tests.KernelSpecs;

public sealed class KernelSpecFinderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static KernelSpecFinder Finder(params string[] dirs) => new(new KernelSpecFinderOptions { KernelDirectories = dirs });

    [Fact]
    public async Task FindAll_SameNameInTwoDirectories_FirstDirectoryWins()
    {
        var high = _temp.Combine("high", "kernels");
        var low = _temp.Combine("low", "kernels");
        SpecFiles.Write(high, "echo", ["/bin/echo"], "High");
        SpecFiles.Write(low, "echo", ["/bin/echo"], "Low");
        SpecFiles.Write(low, "other", ["/bin/true"], "Other");

        var catalog = await Finder(high, low, _temp.Combine("missing")).FindAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal("High", catalog.Specs["echo"].DisplayName);
        Assert.Equal(Path.Combine(high, "echo"), catalog.Specs["echo"].ResourceDirectory);
        Assert.Equal("Other", catalog.Specs["other"].DisplayName);
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public async Task Names_AreLowerCased_AndLookupIgnoresCase()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.Write(dir, "MyKernel", ["/bin/echo"], "Mine");

        var finder = Finder(dir);
        var catalog = await finder.FindAllAsync(TestContext.Current.CancellationToken);
        var found = await finder.FindAsync("MYKERNEL", TestContext.Current.CancellationToken);

        Assert.Equal(["mykernel"], catalog.Specs.Keys);
        Assert.Equal("mykernel", found?.Name);
        Assert.Null(await finder.FindAsync("absent", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FindAll_BrokenKernelJson_IsReportedWithLineAndOthersAreStillFound()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.WriteRaw(dir, "broken", "{\n  \"argv\": [\"x\",\n  oops\n}");
        SpecFiles.WriteRaw(dir, "noargv", """{"display_name": "No argv"}""");
        SpecFiles.Write(dir, "good", ["/bin/true"]);

        var catalog = await Finder(dir).FindAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["good"], catalog.Specs.Keys);
        Assert.Equal(2, catalog.Problems.Count);
        var broken = Assert.Single(catalog.Problems, p => p.Path.Contains("broken", StringComparison.Ordinal));
        Assert.Contains("kernel.json:3:", broken.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", broken.Message, StringComparison.Ordinal);
        Assert.Contains(catalog.Problems, p => p.Message.Contains("$.argv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindAll_BrokenSpecShadowsLowerOne_AsInJupyterClient()
    {
        var high = _temp.Combine("high");
        var low = _temp.Combine("low");
        SpecFiles.WriteRaw(high, "py", "not json");
        SpecFiles.Write(low, "py", ["/bin/true"]);

        var catalog = await Finder(high, low).FindAllAsync(TestContext.Current.CancellationToken);

        Assert.False(catalog.Specs.ContainsKey("py"));
        Assert.Single(catalog.Problems);
    }

    [Fact]
    public async Task FindAll_InvalidNameIsReportedButKept_AndDirectoriesWithoutKernelJsonAreIgnored()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.Write(dir, "has space", ["/bin/true"]);
        Directory.CreateDirectory(Path.Combine(dir, "empty"));

        var catalog = await Finder(dir).FindAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["has space"], catalog.Specs.Keys);
        Assert.Contains("invalid kernelspec directory name", Assert.Single(catalog.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_AllFields()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.Write(dir, "full", ["run", "{connection_file}"], "Full", """
            , "interrupt_mode": "MESSAGE", "env": {"A": "${HOME}/a"}, "kernel_protocol_version": "5.5",
            "metadata": {"kernel_provisioner": {"provisioner_name": "slurm-provisioner"}, "debugger": true}
            """);

        var spec = (await Finder(dir).FindAsync("full", TestContext.Current.CancellationToken))!;

        Assert.Equal(["run", "{connection_file}"], spec.Argv);
        Assert.Equal(KernelInterruptMode.Message, spec.InterruptMode);
        Assert.Equal("${HOME}/a", spec.Env["A"]);
        Assert.Equal("5.5", spec.KernelProtocolVersion);
        Assert.Equal("slurm-provisioner", spec.ProvisionerName);
        Assert.Equal("sh", spec.Language);
    }

    [Fact]
    public async Task Read_DefaultsAndBadInterruptMode()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.Write(dir, "plain", ["run"]);
        SpecFiles.Write(dir, "odd", ["run"], extra: """, "interrupt_mode": "carrier-pigeon" """);

        var catalog = await Finder(dir).FindAllAsync(TestContext.Current.CancellationToken);

        var plain = catalog.Specs["plain"];
        Assert.Equal(KernelInterruptMode.Signal, plain.InterruptMode);
        Assert.Empty(plain.Env);
        Assert.Null(plain.ProvisionerName);
        Assert.Contains("$.interrupt_mode", Assert.Single(catalog.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedKernelSpecs_FiltersTheList()
    {
        var dir = _temp.Combine("kernels");
        SpecFiles.Write(dir, "a", ["run"]);
        SpecFiles.Write(dir, "b", ["run"]);
        var finder = new KernelSpecFinder(new KernelSpecFinderOptions { KernelDirectories = [dir], AllowedKernelSpecs = new HashSet<string> { "b" } });

        var catalog = await finder.FindAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["b"], catalog.Specs.Keys);
    }
}
