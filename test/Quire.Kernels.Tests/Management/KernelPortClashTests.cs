using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;
using Quire.Messaging.Connection;
using Quire.Messaging.ZeroMQ;

namespace Quire.Kernels.Tests.Management;

/// <summary>A kernel that loses one of its ports to another process before binding it is launched once more, on new ports.</summary>
[Collection(KernelProcessTests.Name)]
public sealed class KernelPortClashTests : IDisposable
{
    private const string ZmqClash = "zmq.error.ZMQError: Address already in use";

    private readonly TempDirectory _temp = new();
    private readonly ZeroMqTransport _transport = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_FirstLaunchCannotBind_IsRelaunchedOnFreshPorts()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        var marker = _temp.Combine("first-connection.json");
        // The first launch keeps a copy of its connection file and fails as ipykernel does when a port is taken; the
        // second is the real kernel.
        var clashing = spec with
        {
            Name = "clashing",
            Argv =
            [
                "/bin/sh", "-c",
                $"if [ ! -e '{marker}' ]; then for a; do case \"$a\" in *.json) cp \"$a\" '{marker}';; esac; done; echo '{ZmqClash}' >&2; exit 1; fi; exec \"$@\"",
                "sh", .. spec.Argv,
            ],
        };
        await using var kernel = NewManager(clashing);

        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "the second launch should start ipykernel");

        var first = await ConnectionFile.ReadAsync(marker, Token);
        Assert.Equal(KernelStatus.Running, kernel.Status);
        Assert.NotNull(kernel.Connection);
        Assert.NotEqual(first.ShellPort, kernel.Connection.ShellPort);
        Assert.NotEqual(first.Key, kernel.Connection.Key);
        Assert.Equal("python", kernel.KernelInfo!.LanguageInfo.Name);
    }

    [Fact]
    public async Task Start_OtherEarlyExit_IsNotRelaunched()
    {
        var launches = _temp.Combine("launches");
        var spec = SpecFiles.Shell($"echo launched >> '{launches}'; echo 'ModuleNotFoundError: no kernel here' >&2; exit 2", "broken");
        await using var kernel = NewManager(spec);

        var ex = await Assert.ThrowsAsync<KernelStartException>(() => kernel.StartAsync(cancellationToken: Token).Within(
            TimeSpan.FromSeconds(30), "a kernel that exits at once should fail the start"));

        Assert.Equal(2, ex.ExitCode);
        Assert.Single(File.ReadAllLines(launches));
        Assert.Equal(KernelStatus.Dead, kernel.Status);
    }

    [Fact]
    public async Task Start_ClashingTwice_FailsWithTheSecondError()
    {
        var launches = _temp.Combine("launches");
        var spec = SpecFiles.Shell($"echo launched >> '{launches}'; echo '{ZmqClash}' >&2; exit 1", "always-clashing");
        await using var kernel = NewManager(spec);

        var ex = await Assert.ThrowsAsync<KernelStartException>(() => kernel.StartAsync(cancellationToken: Token).Within(
            TimeSpan.FromSeconds(30), "a kernel that clashes on every launch should fail after the one retry"));

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("Address already in use", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(launches).Length);
        Assert.Equal(KernelStatus.Dead, kernel.Status);
        Assert.Empty(Directory.GetFiles(_temp.Combine("runtime")));
    }

    private KernelManager NewManager(Quire.Kernels.KernelSpecs.KernelSpec spec) => new(
        spec,
        _transport,
        null,
        KernelProvisionerFactory.CreateDefault(new LocalProvisionerOptions { RuntimeDirectory = _temp.Combine("runtime") }));
}
