using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Hosting;

public sealed class QuireServerTests
{
    [Fact]
    public async Task Build_WithoutToken_GeneratesA48HexDigitToken()
    {
        var root = Directory.CreateTempSubdirectory("quire-token-").FullName;
        try
        {
            await using var app = QuireServer.Build(new QuireServerOptions { RootDirectory = root, Port = 0 });
            var token = app.Services.GetRequiredService<QuireServerOptions>().Token;

            Assert.NotNull(token);
            Assert.Matches("^[0-9a-f]{48}$", token);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownRoute_Is404()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        using var response = await server.Client.GetAsync(new Uri("api/no-such-service", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "the Server header tells attackers what to aim at");
    }

    [Fact]
    public async Task ListeningUrl_CarriesTheBaseUrl()
    {
        await using var server = await ServerHost.StartAsync(o => o with { BaseUrl = "/quire/" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.EndsWith("/quire/", server.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
    }
}
