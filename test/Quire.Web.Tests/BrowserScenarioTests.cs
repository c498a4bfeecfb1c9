using Quire.Web.Tests.Infrastructure;

namespace Quire.Web.Tests;

/// <summary>
/// The web UI in headless Chromium against a real <c>quire serve</c>: one scenario script of web/e2e/ per test, each
/// with its own server, root folder and token. Screenshots go to e2e-artifacts/ beside the tests.
/// </summary>
public sealed class BrowserScenarioTests
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task FileBrowser_CreatesRenamesUploadsDownloadsAndDeletes()
    {
        var report = await RunAsync("files");
        report.AssertAllPassed(
            "new folder, renamed to a name that looks like HTML, shows as text",
            "upload: a 2.5 MB file goes up in chunks, byte for byte",
            "delete asks first; cancel keeps, confirm removes");
    }

    [Fact]
    public async Task PythonNotebook_RunsShowsOutputsCompletesAnswersInterruptsRestartsSavesAndReloads()
    {
        var report = await RunAsync("python");
        report.AssertAllPassed(
            "HTML and PNG outputs",
            "tab completion from the kernel",
            "stdin prompt answered, password hidden",
            "interrupt a running loop",
            "restart: the kernel comes back idle and forgets",
            "reload: cells and outputs are all there");
    }

    [Fact]
    public async Task CSharpNotebook_RunsWithQuiresKernelAndKeepsOutputsAcrossReload()
    {
        var report = await RunAsync("csharp");
        report.AssertAllPassed("execute result", "error", "save and reload keep the outputs");
    }

    [Fact]
    public async Task Editing_CommandKeysFindReplaceTagsConflictOnSaveAndRevert()
    {
        var report = await RunAsync("editing");
        report.AssertAllPassed(
            "B inserts below, D D deletes, Z brings it back",
            "Z undoes moves, type changes, inserts and pastes, newest first",
            "find and replace across cells",
            "a file changed on disk is detected on save; Reload shows the disk version",
            "revert to checkpoint");
    }

    [Fact]
    public async Task UntrustedNotebook_RunsNoScriptFromItsOutputs()
    {
        var report = await RunAsync("untrusted");
        report.AssertAllPassed("no script ran (inline, onerror, SVG, JavaScript output, iframe)");
    }

    [Fact]
    public async Task TrustedNotebook_RunsItsScriptsOnlyInTheSandboxedFrame()
    {
        var report = await RunAsync("trusted");
        report.AssertAllPassed(
            "the HTML output's script ran in the frame",
            "from the frame, the page, its cookies and the API are out of reach",
            "the application/javascript output ran with its element",
            "HTML without script stays in the page; no output script ran in the page");
    }

    [Fact]
    public async Task Pages_HaveNoSeriousAccessibilityViolations_InEitherTheme()
    {
        var report = await RunAsync("a11y");
        report.AssertAllPassed(
            "the login page",
            "the file browser, light theme",
            "the notebook, light theme",
            "the notebook, dark theme",
            "the file browser, dark theme");
    }

    private static async Task<ScenarioReport> RunAsync(string scenario)
    {
        WebEnvironment.RequireAll();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await QuireServe.StartAsync(cancellationToken);
        return await ScenarioRunner.RunAsync(scenario, server, ScenarioTimeout, cancellationToken);
    }
}
