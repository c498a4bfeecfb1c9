using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;
using Quire.Messaging.ZeroMQ;

namespace Quire.Kernels.Tests.Management;

[Collection(KernelProcessTests.Name)]
public sealed class MultiKernelManagerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private MultiKernelManager NewManager() => new(
        new ZeroMqTransport(),
        new KernelSpecFinder(new KernelSpecFinderOptions { KernelDirectories = [Ipykernel.KernelsDirectory] }),
        provisioners: KernelProvisionerFactory.CreateDefault(new LocalProvisionerOptions { RuntimeDirectory = _temp.Combine("runtime") }));

    [Fact]
    public async Task StartByName_ListGet_ShutdownAll()
    {
        await Ipykernel.RequireSpecAsync();
        await using var kernels = NewManager();
        var statuses = new List<KernelStatus>();
        kernels.StatusChanged += (_, e) =>
        {
            lock (statuses)
            {
                statuses.Add(e.Status);
            }
        };

        var kernel = await kernels.StartKernelAsync("Python3", cancellationToken: Token).Within(Waits.KernelTimeout, "python3 should start");
        var pid = ((LocalProcessProvisioner)kernel.Provisioner!).ProcessId!.Value;

        Assert.True(Guid.TryParse(kernel.KernelId, out _));
        Assert.Equal([kernel.KernelId], kernels.KernelIds);
        Assert.Same(kernel, kernels.Get(kernel.KernelId));
        Assert.True(kernels.TryGet(kernel.KernelId, out _));
        await kernels.ShutdownAllAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "all kernels should shut down");
        Assert.Empty(kernels.Kernels);
        Assert.False(ProcessProbe.IsRunning(pid));
        Assert.Throws<KeyNotFoundException>(() => kernels.Get(kernel.KernelId));
        Assert.Equal([KernelStatus.Starting, KernelStatus.Running, KernelStatus.ShutDown], statuses);
    }

    [Fact]
    public async Task FailedStart_IsNotKept_AndUnknownNamesAreRefused()
    {
        await using var kernels = NewManager();

        await Assert.ThrowsAsync<KernelStartException>(() => kernels.StartKernelAsync(SpecFiles.Shell("exit 1"), cancellationToken: Token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => kernels.StartKernelAsync("no-such-kernel", cancellationToken: Token));
        await Assert.ThrowsAsync<ArgumentException>(() => kernels.StartKernelAsync(SpecFiles.Shell("exit 1"), kernelId: "not-a-uuid", cancellationToken: Token));

        Assert.Empty(kernels.KernelIds);
    }
}
