using Quire.Web.Tests.Infrastructure;

namespace Quire.Web.Tests;

/// <summary>Logging in and out in headless Chromium against a real <c>quire serve</c> (web/e2e/login.mjs).</summary>
public sealed class LoginScenarioTests
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Login_PageForAnUnauthenticatedAddress_RefusesAWrongToken_ReturnsToTheAddress_AndLogoutEndsIt()
    {
        WebEnvironment.RequireAll();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await QuireServe.StartAsync(cancellationToken);
        var report = await ScenarioRunner.RunAsync("login", server, ScenarioTimeout, cancellationToken);
        report.AssertAllPassed(
            "a notebook address without a token shows the login page",
            "a wrong token is refused on the login page",
            "the right token leads back to the notebook asked for",
            "log out ends the session",
            "while logged in, no request was refused and the console has no errors");
    }
}
