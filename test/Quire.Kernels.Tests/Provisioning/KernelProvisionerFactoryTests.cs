using System.Text.Json;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;

namespace Quire.Kernels.Tests.Provisioning;

public sealed class KernelProvisionerFactoryTests
{
    private static readonly Kernels.KernelSpecs.KernelSpec Slurm = SpecFiles.Shell("true") with
    {
        Metadata = JsonDocument.Parse("""{"kernel_provisioner": {"provisioner_name": "slurm-provisioner"}}""").RootElement,
    };

    [Fact]
    public async Task Create_SpecWithoutProvisioner_GetsTheLocalOne()
    {
        await using var provisioner = KernelProvisionerFactory.CreateDefault().Create(SpecFiles.Shell("true"));

        Assert.IsType<LocalProcessProvisioner>(provisioner);
        Assert.Equal("local-provisioner", provisioner.Name);
        Assert.Equal(TimeSpan.FromSeconds(5), provisioner.ShutdownWaitTime);
        Assert.Equal(TimeSpan.FromSeconds(10), provisioner.StableStartTime);
    }

    [Fact]
    public async Task Create_NamedProvisioner_UsesItsRegistration_OrSaysItIsMissing()
    {
        var factory = KernelProvisionerFactory.CreateDefault();

        Assert.False(factory.IsAvailable(Slurm));
        var missing = Assert.Throws<InvalidOperationException>(() => factory.Create(Slurm));
        Assert.Contains("'slurm-provisioner'", missing.Message, StringComparison.Ordinal);

        factory.Register("slurm-provisioner", _ => new LocalProcessProvisioner());
        Assert.True(factory.IsAvailable(Slurm));
        await using var provisioner = factory.Create(Slurm);
        Assert.NotNull(provisioner);
    }
}
