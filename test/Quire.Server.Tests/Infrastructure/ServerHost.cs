using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Contents;
using Quire.Server.Hosting;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// A real <c>quire serve</c> (Kestrel on a free loopback port) over a temporary root directory, with a known token and
/// an <see cref="HttpClient"/> that presents it. Everything is removed when disposed.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    public const string TestToken = "test-token-0123456789abcdef";

    private ServerHost(WebApplication app, string root, Uri baseUrl)
    {
        App = app;
        Root = root;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", TestToken);
        Anonymous = new HttpClient { BaseAddress = baseUrl };
    }

    public WebApplication App { get; }

    /// <summary>The served directory.</summary>
    public string Root { get; }

    /// <summary>The server's URL including its base URL, ending with '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Presents <see cref="TestToken"/> in the Authorization header.</summary>
    public HttpClient Client { get; }

    /// <summary>Presents nothing.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Starts a server; <paramref name="configure"/> may change the options (root and port are set here).</summary>
    public static async Task<ServerHost> StartAsync(
        Func<QuireServerOptions, QuireServerOptions>? configure = null,
        Action<WebApplicationBuilder>? services = null,
        CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("quire-server-").FullName;
        var options = new QuireServerOptions
        {
            RootDirectory = Path.Combine(root, "notebooks"),
            DataDirectory = Path.Combine(root, "data"),
            Port = 0,
            Token = TestToken,
        };
        Directory.CreateDirectory(options.RootDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        options = configure?.Invoke(options) ?? options;
        var app = QuireServer.Build(options, services);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }

        return new ServerHost(app, options.RootDirectory, QuireServer.ListeningUrl(app));
    }

    /// <summary>
    /// Waits until the old content of every file replaced so far is gone: the server frees it after a save has
    /// answered (<see cref="AtomicContentsWriter"/>), so a listing of the directory with hidden files needs this first.
    /// </summary>
    public Task ContentsReleasedAsync() =>
        App.Services.GetRequiredService<IContentsWriter>() is AtomicContentsWriter writer
            ? writer.ReleasedAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            : Task.CompletedTask;

    /// <summary>A path under the served root.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            await App.DisposeAsync();
            var parent = Path.GetDirectoryName(Root)!;
            if (Directory.Exists(parent))
            {
                Directory.Delete(parent, recursive: true);
            }
        }
    }
}
