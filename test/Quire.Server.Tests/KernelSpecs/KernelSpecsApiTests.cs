using System.Net;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.KernelSpecs;

public sealed class KernelSpecsApiTests
{
    [Fact]
    public async Task List_OffersTheCSharpKernelAlways_WithJupyterServersModel()
    {
        await using var server = await KernelServer.StartAsync(systemKernels: false);

        var all = await server.GetJsonAsync("api/kernelspecs");

        Assert.Equal("csharp", all.GetProperty("default").GetString());
        var csharp = all.GetProperty("kernelspecs").GetProperty("csharp");
        Assert.Equal("csharp", csharp.GetProperty("name").GetString());
        var spec = csharp.GetProperty("spec");
        Assert.Equal(["argv", "env", "display_name", "language", "interrupt_mode", "metadata"], spec.EnumerateObject().Select(p => p.Name));
        Assert.Equal("C#", spec.GetProperty("display_name").GetString());
        Assert.Equal("csharp", spec.GetProperty("language").GetString());
        Assert.Equal("message", spec.GetProperty("interrupt_mode").GetString());
        Assert.EndsWith("Quire.Kernel.CSharp.dll", spec.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).Single(a => a!.EndsWith(".dll", StringComparison.Ordinal)), StringComparison.Ordinal);
        var resources = csharp.GetProperty("resources");
        Assert.Equal("/kernelspecs/csharp/logo-32x32.png", resources.GetProperty("logo-32x32").GetString());
        Assert.Equal("/kernelspecs/csharp/logo-64x64.png", resources.GetProperty("logo-64x64").GetString());
        Assert.True(all.GetProperty("kernelspecs").TryGetProperty("quire-test", out _));
    }

    [Fact]
    public async Task List_DefaultsToPython3_WhenItIsInstalled()
    {
        ReferenceKernels.RequireIPyKernel();
        await using var server = await KernelServer.StartAsync();

        var all = await server.GetJsonAsync("api/kernelspecs");

        Assert.Equal("python3", all.GetProperty("default").GetString());
        Assert.Equal("python", all.GetProperty("kernelspecs").GetProperty("python3").GetProperty("spec").GetProperty("language").GetString());
    }

    [Fact]
    public async Task AnInstalledCSharpKernelspec_WinsOverTheSynthesisedOne()
    {
        await using var server = await KernelServer.StartAsync(specs: s => s.Write("csharp", "Installed C#"), systemKernels: false);

        var spec = await server.GetJsonAsync("api/kernelspecs/csharp");

        Assert.Equal("Installed C#", spec.GetProperty("spec").GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Get_UnknownKernelspec_Is404()
    {
        await using var server = await KernelServer.StartAsync();

        var error = await server.GetJsonAsync("api/kernelspecs/nope", HttpStatusCode.NotFound);

        Assert.Equal("Kernel spec nope not found", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Logo_IsServedAsAPng()
    {
        await using var server = await KernelServer.StartAsync(systemKernels: false);

        using var response = await server.Client.GetAsync(new Uri("kernelspecs/csharp/logo-64x64.png", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(TimeSpan.FromDays(30), response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("kernelspecs/csharp/..%2F..%2Fkernel.json")]
    [InlineData("kernelspecs/csharp/nope.png")]
    [InlineData("kernelspecs/nope/logo-64x64.png")]
    [InlineData("kernelspecs/csharp/%2Fetc%2Fpasswd")]
    public async Task ResourceOutsideTheKernelspecOrMissing_Is404(string url)
    {
        await using var server = await KernelServer.StartAsync(systemKernels: false);

        using var response = await server.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ResourceThatIsASymlinkOutsideTheKernelspec_Is404()
    {
        var outside = Path.GetTempFileName();
        try
        {
            await using var server = await KernelServer.StartAsync(
                specs: s => File.CreateSymbolicLink(Path.Combine(s.Write("linked", "Linked"), "logo-64x64.png"), outside), systemKernels: false);

            using var response = await server.Client.GetAsync(new Uri("kernelspecs/linked/logo-64x64.png", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            File.Delete(outside);
        }
    }
}
