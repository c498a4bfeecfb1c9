using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>
/// A token in a header authenticates each request by itself: no login cookie is minted for it (a browser's ?token=
/// visit still gets one), and every such request is the server's one header-token user.
/// </summary>
public sealed class HeaderTokenTests
{
    [Fact]
    public async Task TokenInTheHeader_SetsNoLoginCookie_AndIsOneUser()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var cookieName = $"username-127-0-0-1-{server.BaseUrl.Port}";

        using var first = await client.FetchAsync("api/me");
        using var second = await client.FetchAsync("api/me");

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Null(TestHttp.SetCookie(first, cookieName));
        Assert.Null(TestHttp.SetCookie(second, cookieName));
        Assert.Equal(await UsernameAsync(first), await UsernameAsync(second));
    }

    [Fact]
    public async Task TokenInTheQuery_StillSetsTheLoginCookie()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync($"api/me?token={ServerHost.TestToken}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull(TestHttp.SetCookie(response, $"username-127-0-0-1-{server.BaseUrl.Port}"));
    }

    private static async Task<string?> UsernameAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestHttp.Ct));
        return json.RootElement.GetProperty("identity").GetProperty("username").GetString();
    }
}
