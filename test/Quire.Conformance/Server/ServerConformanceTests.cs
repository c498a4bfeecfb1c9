namespace Quire.Conformance.Server;

/// <summary>
/// The client scenarios in <c>client/*.mjs</c>, written against npm's <c>@jupyterlab/services</c>, run against one
/// server: each test is one area, and fails with every check that failed and why.
/// </summary>
public abstract class ServerConformanceTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerUnderTest
{
    private static readonly TimeSpan RestTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan KernelTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public Task Kernelspecs_OfferPythonAndCSharp_WithTheirLogos() => RunAsync("kernelspecs", [], RestTimeout);

    [Fact]
    public Task Contents_DirectoriesTextBase64Notebooks_CheckpointsRenameCopyDelete() => RunAsync("contents", [], RestTimeout);

    [Fact]
    public Task Sessions_CreateListGetPatchDelete() => RunAsync("sessions", ["python3"], KernelTimeout);

    [Fact]
    public Task Kernels_IPyKernel_ExecuteStdinCompleteInspectInterruptRestartShutdown() => RunAsync("kernels", ["python3"], KernelTimeout);

    [Fact]
    public Task Kernels_CSharp_ExecuteStdinCompleteInspectInterruptRestartShutdown() => RunAsync("kernels", ["csharp"], KernelTimeout);

    [Fact]
    public Task Auth_RequestsWithoutTheRightToken_AreRefused() => RunAsync("auth", [], KernelTimeout);

    private async Task RunAsync(string scenario, string[] arguments, TimeSpan timeout)
    {
        NodeClient.Require();
        server.RequireComponents();
        var cancellationToken = TestContext.Current.CancellationToken;
        var baseUrl = await server.BaseUrlAsync(cancellationToken);

        var (exitCode, stdout, stderr) = await NodeClient.RunAsync(scenario, baseUrl, server.Token, arguments, timeout, cancellationToken);

        var report = ScenarioReport.FromOutput(stdout);
        Assert.True(report is not null,
            $"node {scenario}.mjs against {server.Name} exited {exitCode} without a report line.\nstdout:\n{Tail(stdout)}\nstderr:\n{Tail(stderr)}" +
            $"\n{server.Name} output:\n{Tail(server.OutputTail)}");
        TestContext.Current.TestOutputHelper?.WriteLine(report.Describe());
        Assert.True(report.Failed.Count == 0 && report.Fatal is null && report.Passed.Count > 0 && exitCode == 0,
            $"{server.Name} failed the @jupyterlab/services scenario: {report.Describe()}node exited {exitCode}; its stderr:\n{Tail(stderr)}" +
            $"\n{server.Name} output:\n{Tail(server.OutputTail)}");
    }

    private static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        return all.Length <= lines ? text : string.Join('\n', all[^lines..]);
    }
}
