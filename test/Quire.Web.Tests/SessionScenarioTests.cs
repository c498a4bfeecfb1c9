using Quire.Web.Tests.Infrastructure;

namespace Quire.Web.Tests;

/// <summary>A dropped kernel socket, run above/below, restart and run all, and a desktop drag and drop, in headless Chromium (web/e2e/sessions.mjs).</summary>
public sealed class SessionScenarioTests
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Sessions_ReconnectKeepsEveryOutput_RunAboveBelowRestartRunAll_AndADroppedFileIsUploaded()
    {
        WebEnvironment.RequireAll();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await QuireServe.StartAsync(cancellationToken);
        var report = await ScenarioRunner.RunAsync("sessions", server, ScenarioTimeout, cancellationToken);
        report.AssertAllPassed(
            "the kernel socket drops mid-cell; after the reconnect every output is there",
            "run above, run below, and restart and run all",
            "a file dropped onto the file browser is uploaded",
            "no errors in the console");
    }
}
