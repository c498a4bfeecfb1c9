using System.Text;
using Quire.Cli.Tests.Infrastructure;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Messaging.Connection;
using Quire.Messaging.ZeroMQ;

namespace Quire.Cli.Tests.Kernels;

/// <summary><c>quire console --existing</c>: runs cells on a kernel someone else started, and leaves it running.</summary>
public sealed class ConsoleExistingKernelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_RunsOnThatKernel_AndLeavesItRunning()
    {
        TestRequirements.Ipykernel();
        var finder = new KernelSpecFinder(new KernelSpecFinderOptions { KernelDirectories = [TestRequirements.KernelsDirectory] });
        var spec = await finder.FindAsync("python3", Ct) ?? throw new InvalidOperationException("the python3 kernelspec disappeared");
        await using var manager = new KernelManager(spec, new ZeroMqTransport());
        await manager.StartAsync(cancellationToken: Ct);
        using var dir = new TempDirectory();
        var connectionFile = dir.File("kernel-test.json");
        await ConnectionFile.WriteAsync(connectionFile, manager.Connection!, Ct);

        var first = await CliRunner.RunAsync(["console", "--existing", connectionFile], Encoding.UTF8.GetBytes("shared = 41\nprint(shared + 1)"), Ct);
        var second = await CliRunner.RunAsync(["console", "--existing", connectionFile], Encoding.UTF8.GetBytes("shared * 2"), Ct);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("42\n", first.StandardOutput);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("82\n", second.StandardOutput);
        Assert.Equal(KernelStatus.Running, manager.Status);
        var stillThere = await manager.Client!.ExecuteAsync("shared", cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(stillThere.Succeeded, "the kernel should still run cells after the console detached");
    }
}
