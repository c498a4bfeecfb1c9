using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Messaging;

/// <summary>
/// Debian's jupyter_client (KernelManager + BlockingKernelClient) talks to Quire.TestKernel, a kernel built on
/// Quire.Kernel and Quire.Messaging: signing and framing checked from the other side of the wire. One Python process
/// runs every check (see <c>python/jupyter_client_drive.py</c>); each test asserts one of them.
/// </summary>
public sealed class JupyterClientDrivesQuireKernelTests(JupyterClientDrive drive) : IClassFixture<JupyterClientDrive>
{
    /// <summary>Every check the script makes that Quire's kernel is expected to pass.</summary>
    public static TheoryData<string> Checks { get; } = new(
        "started",
        "kernel_info",
        "kernel_info_on_control",
        "execute_outputs",
        "execute_error",
        "complete_inspect_is_complete",
        "history_tail",
        "comm_info",
        "stdin_input",
        "stdin_password",
        "stdin_not_allowed",
        "interrupt",
        "bad_signature_ignored",
        "restart",
        "shutdown");

    /// <summary>Checks of behaviour where Quire's kernel host is known to differ from ipykernel (see the test).</summary>
    public static TheoryData<string> IPyKernelLeniencyChecks { get; } = new("stdin_input_reply_without_parent", "stdin_password_reply_without_parent");

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task JupyterClient_Check_Holds(string name)
    {
        PythonEnvironment.RequireModules("jupyter_client");
        var report = await drive.GetReportAsync(TestContext.Current.CancellationToken);

        var check = report.Require(name);

        Assert.True(check.Ok, $"jupyter_client driving Quire.TestKernel: check failed. {check.Describe()}");
    }

    [Fact]
    public async Task Script_RanToTheEnd_AndEveryCheckIsAsserted()
    {
        PythonEnvironment.RequireModules("jupyter_client");
        var report = await drive.GetReportAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Fatal is null, $"jupyter_client_drive.py stopped early: {report.Fatal}\nstderr:\n{report.Stderr}");
        var asserted = Checks.Select(row => row.Data).Concat(IPyKernelLeniencyChecks.Select(row => row.Data)).ToHashSet(StringComparer.Ordinal);
        var unasserted = report.Checks.Keys.Where(name => !asserted.Contains(name)).ToList();
        Assert.True(unasserted.Count == 0, $"the script reported checks no test asserts: {string.Join(", ", unasserted)}");
    }

    /// <summary>
    /// jupyter_client's <c>KernelClient.input()</c> sends an <c>input_reply</c> whose <c>parent_header</c> is empty, and
    /// ipykernel takes whatever <c>input_reply</c> comes next on stdin. Quire's KernelHost gives an unparented reply to
    /// the only input request waiting, so the cell gets the value as it would from ipykernel.
    /// </summary>
    [Theory]
    [MemberData(nameof(IPyKernelLeniencyChecks))]
    public async Task JupyterClient_InputReplyWithoutParent_IsAccepted(string name)
    {
        PythonEnvironment.RequireModules("jupyter_client");
        var report = await drive.GetReportAsync(TestContext.Current.CancellationToken);

        var check = report.Require(name);

        Assert.True(check.Ok, $"jupyter_client driving Quire.TestKernel: check failed. {check.Describe()}");
    }
}
