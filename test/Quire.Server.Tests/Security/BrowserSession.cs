using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>A browser after its first visit with <c>?token=</c>: the login and XSRF cookies it was given.</summary>
internal sealed record BrowserSession(string LoginCookieName, string LoginCookie, string Xsrf)
{
    public string CookieHeader => $"{LoginCookieName}={LoginCookie}; _xsrf={Xsrf}";

    public static async Task<BrowserSession> OpenAsync(ServerHost server)
    {
        using var client = TestHttp.NewClient(server, token: null);
        using var response = await client.FetchAsync($"api/contents?token={ServerHost.TestToken}");
        Assert.Equal(200, (int)response.StatusCode);
        var name = $"username-127-0-0-1-{server.BaseUrl.Port}";
        var login = TestHttp.SetCookie(response, name) ?? throw new Xunit.Sdk.XunitException("no login cookie was set");
        var xsrf = TestHttp.SetCookie(response, "_xsrf") ?? throw new Xunit.Sdk.XunitException("no _xsrf cookie was set");
        return new BrowserSession(name, TestHttp.CookieValue(login), TestHttp.CookieValue(xsrf));
    }

    /// <summary>A client that presents these cookies and no token.</summary>
    public HttpClient Client(ServerHost server)
    {
        var client = TestHttp.NewClient(server, token: null);
        client.DefaultRequestHeaders.Add("Cookie", CookieHeader);
        return client;
    }
}
