using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quire.Server.Api;
using Quire.Server.Contents;
using Quire.Server.Files;
using Quire.Server.Nbconvert;
using Quire.Server.Http;
using Quire.Server.Kernels;
using Quire.Server.KernelSpecs;
using Quire.Server.Metrics;
using Quire.Server.Security;
using Quire.Server.Sessions;
using Quire.Server.Ui;

namespace Quire.Server.Hosting;

/// <summary>Composes the server: one registration and one route map per service folder.</summary>
public static class QuireServer
{
    /// <summary>
    /// Builds (does not start) the server. A null <see cref="QuireServerOptions.Token"/> is replaced by a fresh one,
    /// readable afterwards from the <see cref="QuireServerOptions"/> service.
    /// </summary>
    /// <param name="options">The validated settings.</param>
    /// <param name="configure">Last-minute service changes (tests swap the time provider or a manager here).</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public static WebApplication Build(QuireServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        QuireServerOptionsValidator.ThrowIfInvalid(options);
        options = options with
        {
            RootDirectory = Path.GetFullPath(options.RootDirectory),
            Token = options.Token ?? NewToken(),
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(QuireServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodySize;
            Listen(kestrel, options);
        });

        // ASP.NET Core logs two Information lines per request ("Executing endpoint", "Executed endpoint"); through the
        // console logger's bounded queue that was about half of a small request's time. Warnings and errors still show;
        // a Logging:LogLevel:Microsoft.AspNetCore setting (appsettings or environment) still decides when given.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services
            .AddQuireSecurity(options)
            .AddServerApi(options)
            .AddContents(options)
            .AddFiles(options)
            .AddKernelSpecs(options)
            .AddKernels(options)
            .AddSessions(options)
            .AddServerMetrics(options);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServerMetrics();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseQuireSecurity();
        app.UseWebSockets();
        IEndpointRouteBuilder root = options.BaseUrl == "/" ? app : app.MapGroup(options.BaseUrl.TrimEnd('/'));
        root.MapQuireSecurity()
            .MapServerApi()
            .MapContents()
            .MapFiles()
            .MapNbconvert()
            .MapKernelSpecs()
            .MapKernels()
            .MapSessions()
            .MapServerMetrics()
            .MapQuireUi();
        return app;
    }

    /// <summary>The URL a started server listens on, with its base URL (for printing and for tests).</summary>
    public static Uri ListeningUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<QuireServerOptions>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server has not started: it has no address yet");
        var url = new UriBuilder(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal))
        {
            Path = options.BaseUrl,
        };
        return url.Uri;
    }

    /// <summary>24 random bytes as hex, as jupyter_server's generated tokens.</summary>
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, QuireServerOptions options)
    {
        // Kestrel turns Nagle's algorithm off on every socket by default (NoDelay): small WebSocket frames go out at
        // once, which jupyter_server's Tornado does not do.
        switch (options.Ip)
        {
            case "localhost":
                kestrel.ListenLocalhost(options.Port);
                break;
            case "*":
                kestrel.ListenAnyIP(options.Port);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(options.Ip), options.Port);
                break;
        }
    }
}
