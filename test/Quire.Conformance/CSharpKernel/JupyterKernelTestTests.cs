using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.CSharpKernel;

/// <summary>
/// Debian's <c>jupyter_kernel_test</c> (python3-jupyter-kernel-test) against the installed C# kernel, every sample it
/// supports filled in (python/csharp_kernel_test.py), all in one <c>python3 -m unittest</c> run.
/// </summary>
public sealed class JupyterKernelTestTests(InstalledCSharpKernel kernel) : IClassFixture<InstalledCSharpKernel>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    // test_pager needs a `?`-style pager payload, which C# has no syntax for; every other test has its samples.
    private static readonly string[] ExpectedSkips = ["test_pager"];

    [Fact]
    public async Task EveryKernelTest_Passes()
    {
        PythonEnvironment.RequireModules("jupyter_client", "jupyter_kernel_test");
        var environment = await kernel.EnvironmentAsync(TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await PythonEnvironment.RunScriptAsync(
            "-m", ["unittest", "-v", "csharp_kernel_test"], TestContext.Current.CancellationToken, RunTimeout, environment);
        var report = UnittestReport.Parse(stderr + "\n" + stdout);

        Assert.True(report.Ran >= 12, $"jupyter_kernel_test was expected to run its 12 tests.\n{report.Describe()}");
        Assert.True(exitCode == 0 && report.Ok && report.Failures.Count == 0, $"every jupyter_kernel_test test was expected to pass.\n{report.Describe()}");
        Assert.Equal(ExpectedSkips, report.Skipped);
    }
}
