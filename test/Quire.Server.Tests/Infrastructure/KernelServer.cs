using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Kernels;
using Quire.Server.KernelSpecs;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// A <see cref="ServerHost"/> whose kernelspecs are the test kernel's (see <see cref="TestKernelSpecs"/>), Debian's
/// system kernels (ipykernel) and the C# kernel the server always offers; with helpers for the kernels API.
/// </summary>
internal sealed class KernelServer : IAsyncDisposable
{
    private readonly TestKernelSpecs _specs;

    private KernelServer(ServerHost host, TestKernelSpecs specs)
    {
        Host = host;
        _specs = specs;
    }

    public ServerHost Host { get; }

    public HttpClient Client => Host.Client;

    public Uri BaseUrl => Host.BaseUrl;

    public KernelRegistry Registry => Host.App.Services.GetRequiredService<KernelRegistry>();

    public static async Task<KernelServer> StartAsync(
        Func<KernelsOptions, KernelsOptions>? kernels = null,
        Action<WebApplicationBuilder>? services = null,
        Action<TestKernelSpecs>? specs = null,
        bool systemKernels = true)
    {
        var testSpecs = new TestKernelSpecs();
        specs?.Invoke(testSpecs);
        var kernelOptions = kernels?.Invoke(new KernelsOptions()) ?? new KernelsOptions();
        try
        {
            var host = await ServerHost.StartAsync(
                services: builder =>
                {
                    builder.Services.AddSingleton(new KernelSpecsOptions
                    {
                        KernelDirectories = systemKernels ? [testSpecs.Directory, TestKernelSpecs.SystemKernels] : [testSpecs.Directory],
                    });
                    builder.Services.AddSingleton(kernelOptions);
                    services?.Invoke(builder);
                },
                cancellationToken: TestContext.Current.CancellationToken);
            return new KernelServer(host, testSpecs);
        }
        catch
        {
            testSpecs.Dispose();
            throw;
        }
    }

    /// <summary>Starts a kernel through <c>POST /api/kernels</c> and returns its model.</summary>
    public async Task<JsonElement> StartKernelAsync(string name = TestKernelSpecs.TestKernel, string? path = null)
    {
        using var response = await Client.PostAsJsonAsync(
            new Uri("api/kernels", UriKind.Relative), new Dictionary<string, string?> { ["name"] = name, ["path"] = path }, TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/kernels {{name: {name}}} answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>GET of a JSON resource; the status must be <paramref name="expected"/>.</summary>
    public async Task<JsonElement> GetJsonAsync(string relative, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(new Uri(relative, UriKind.Relative), TestContext.Current.CancellationToken);
        return await ReadAsync(response, expected, $"GET {relative}");
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        if (body.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Connects a test WebSocket client to a kernel.</summary>
    public Task<KernelWebSocket> ConnectAsync(string kernelId, string? sessionId = null, bool v1 = true) =>
        KernelWebSocket.ConnectAsync(BaseUrl, kernelId, sessionId, v1);

    /// <summary>Resolves when the kernel's execution_state becomes <paramref name="state"/> (or already is).</summary>
    public Task WaitForStateAsync(string kernelId, string state, string expectation)
    {
        Assert.True(Registry.TryGet(kernelId, out var kernel), $"kernel {kernelId} is not running");
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(string s)
        {
            if (s == state)
            {
                reached.TrySetResult();
            }
        }

        kernel.StateChanged += OnChanged;
        if (kernel.ExecutionState == state)
        {
            reached.TrySetResult();
        }

        return Within.Async(reached.Task.ContinueWith(_ => kernel.StateChanged -= OnChanged, TaskScheduler.Default), Within.Kernel, expectation);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
        }
        finally
        {
            _specs.Dispose();
        }
    }
}
