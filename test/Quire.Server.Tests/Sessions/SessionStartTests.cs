using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Sessions;

/// <summary>A session's kernel start is the server's, not the first client's: the client may go while it starts.</summary>
public sealed class SessionStartTests
{
    private const string Body = """{"path": "gated.ipynb", "type": "notebook", "kernel": {"name": "gated"}}""";

    [Fact]
    public async Task Create_WhoseClientLeavesDuringTheKernelStart_KeepsTheKernelForTheNextClient()
    {
        using var gate = new GatedKernelSpec();
        var abandoned = new RequestEndObserver("POST", "/api/sessions");
        await using var server = await KernelServer.StartAsync(
            services: builder => builder.Services.AddSingleton<IStartupFilter>(abandoned),
            specs: specs => gate.Write(specs, "gated"));

        // A page reloaded while its kernel starts: the first POST goes away mid-start.
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var first = server.Client.PostAsync(new Uri("api/sessions", UriKind.Relative), Json(), leaving.Token);
        await gate.WaitForLaunchAsync();
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Within.Async(abandoned.Ended, Within.Kernel, "the server to finish the abandoned POST /api/sessions");
        gate.Open();

        using var second = await server.Client.PostAsync(new Uri("api/sessions", UriKind.Relative), Json(), TestContext.Current.CancellationToken)
            .WaitAsync(Within.Kernel, TestContext.Current.CancellationToken);
        var model = await KernelServer.ReadAsync(second, HttpStatusCode.Created, "POST /api/sessions from the reloaded page");
        var kernelId = model.GetProperty("kernel").GetProperty("id").GetString()!;

        await server.WaitForStateAsync(kernelId, "idle", "the kernel started for the first page to serve the second");
        Assert.Equal(1, gate.Launches);
        Assert.Single((await server.GetJsonAsync("api/kernels")).EnumerateArray());
    }

    private static StringContent Json() => new(Body, Encoding.UTF8, "application/json");
}
