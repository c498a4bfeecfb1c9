using System.Text.Json;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;

namespace Quire.Kernels.Tests.Provisioning;

[Collection(KernelProcessTests.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LocalProcessProvisionerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private LocalProcessProvisioner NewProvisioner() => new(new LocalProvisionerOptions { RuntimeDirectory = _temp.Combine("runtime") });

    private static KernelLaunchRequest Request(string script) =>
        new() { Spec = SpecFiles.Shell(script), KernelId = Guid.NewGuid().ToString() };

    [Fact]
    public async Task Launch_WritesOwnerOnlyConnectionFile_InItsOwnProcessGroup_AndKillReaps()
    {
        var ready = await Fifo.CreateAsync(_temp.Combine("ready.fifo"));
        var echoed = ready.ReadToEndAsync();
        await using var provisioner = NewProvisioner();
        var connection = await provisioner.LaunchAsync(
            Request($"echo \"file=$1\"; echo > '{ready.Path}'; exec sleep 1000"), TestContext.Current.CancellationToken);
        await echoed.Within(Timeout, "the script should echo its connection file argument");
        var pid = provisioner.ProcessId!.Value;
        var file = provisioner.ConnectionFilePath!;

        Assert.Null(await provisioner.PollAsync(TestContext.Current.CancellationToken));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(connection.ShellPort, (await Messaging.Connection.ConnectionFile.ReadAsync(file, TestContext.Current.CancellationToken)).ShellPort);
        Assert.Equal(pid, ProcStat.Read(pid)?.ProcessGroup ?? pid);

        await provisioner.KillAsync(cancellationToken: TestContext.Current.CancellationToken);
        var exitCode = await provisioner.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "a SIGKILLed sleep should exit");

        Assert.Equal(128 + UnixSignals.Kill, exitCode);
        Assert.Equal(exitCode, await provisioner.PollAsync(TestContext.Current.CancellationToken));
        Assert.False(provisioner.HasProcess);
        Assert.False(ProcessProbe.IsRunning(pid));
        Assert.Contains("file=" + file, provisioner.OutputTail, StringComparison.Ordinal);
        await provisioner.CleanupAsync(restart: true, TestContext.Current.CancellationToken);
        Assert.True(File.Exists(file), "a restart keeps the connection file");
        await provisioner.CleanupAsync(restart: false, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(file), "cleanup without restart removes the connection file");
    }

    [Fact]
    public async Task Signal_IgnoredInterruptLeavesItRunning_TerminateEndsIt()
    {
        var ready = await Fifo.CreateAsync(_temp.Combine("ready.fifo"));
        var trapSet = ready.ReadToEndAsync();
        await using var provisioner = NewProvisioner();
        await provisioner.LaunchAsync(Request($"trap '' INT; echo ready > '{ready.Path}'; exec sleep 1000"), TestContext.Current.CancellationToken);
        await trapSet.Within(Timeout, "the script should report that it ignores SIGINT");

        await provisioner.SignalAsync(UnixSignals.Interrupt, TestContext.Current.CancellationToken);
        await provisioner.TerminateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var exitCode = await provisioner.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "SIGTERM should end sleep");

        // 130 would mean SIGINT killed it; 143 says it lived until SIGTERM.
        Assert.Equal(128 + UnixSignals.Terminate, exitCode);
    }

    [Fact]
    public async Task Terminate_ReachesTheKernelsChildren()
    {
        var fifo = await Fifo.CreateAsync(_temp.Combine("child.fifo"));
        var ready = await Fifo.CreateAsync(_temp.Combine("ready.fifo"));

        // The grandchild holds the fifo's write end (opened before it reports ready): our read sees end-of-file only
        // when it has died.
        var childGone = fifo.ReadToEndAsync();
        var started = ready.ReadToEndAsync();
        await using var provisioner = NewProvisioner();
        await provisioner.LaunchAsync(Request($"(echo ready > '{ready.Path}'; exec sleep 1000) > '{fifo.Path}' & wait"), TestContext.Current.CancellationToken);
        await started.Within(Timeout, "the script should start its background sleep");

        await provisioner.TerminateAsync(cancellationToken: TestContext.Current.CancellationToken);

        await provisioner.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "the shell should die of SIGTERM");
        await childGone.Within(Timeout, "SIGTERM to the process group should also end the shell's background sleep");
    }

    [Fact]
    public async Task State_SavedAndLoaded_ByANewInstance_CanPollAndKill()
    {
        await using var original = NewProvisioner();
        await original.LaunchAsync(Request("exec sleep 1000"), TestContext.Current.CancellationToken);
        var json = JsonSerializer.Serialize(await original.GetStateAsync(TestContext.Current.CancellationToken), ProvisioningJsonContext.Default.ProvisionerState);
        var state = JsonSerializer.Deserialize(json, ProvisioningJsonContext.Default.ProvisionerState)!;

        await using var reattached = NewProvisioner();
        await reattached.LoadStateAsync(state, TestContext.Current.CancellationToken);

        Assert.True(reattached.HasProcess);
        Assert.Null(await reattached.PollAsync(TestContext.Current.CancellationToken));
        Assert.Equal(original.Connection, reattached.Connection);
        Assert.Equal(original.ConnectionFilePath, reattached.ConnectionFilePath);
        await reattached.KillAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(-1, await reattached.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "the reattached provisioner should see the kill"));
        Assert.Equal(137, await original.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "the original should reap the process"));
        Assert.False(ProcessProbe.IsRunning(state.ProcessId!.Value));
        await reattached.CleanupAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(File.Exists(state.ConnectionFile));
    }

    [Fact]
    public async Task LoadState_RefusesAReusedPidAndAGoneProcess()
    {
        await using var original = NewProvisioner();
        await original.LaunchAsync(Request("exec sleep 1000"), TestContext.Current.CancellationToken);
        var state = await original.GetStateAsync(TestContext.Current.CancellationToken);

        await using var first = NewProvisioner();
        var reused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            first.LoadStateAsync(state with { ProcessStartTicks = state.ProcessStartTicks + 1 }, TestContext.Current.CancellationToken));
        Assert.Contains("another process", reused.Message, StringComparison.Ordinal);

        await original.KillAsync(cancellationToken: TestContext.Current.CancellationToken);
        await original.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "the kill should end the process");
        await using var second = NewProvisioner();
        var gone = await Assert.ThrowsAsync<InvalidOperationException>(() => second.LoadStateAsync(state, TestContext.Current.CancellationToken));
        Assert.Contains("no longer running", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_MissingProgram_ExitsWithItsErrorInTheOutput()
    {
        await using var provisioner = NewProvisioner();
        var spec = SpecFiles.Shell("unused") with { Argv = ["/nonexistent/kernel"] };
        await provisioner.LaunchAsync(new KernelLaunchRequest { Spec = spec, KernelId = Guid.NewGuid().ToString() }, TestContext.Current.CancellationToken);

        var exitCode = await provisioner.WaitAsync(TestContext.Current.CancellationToken).Within(Timeout, "setsid should fail to run the program");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/nonexistent/kernel", provisioner.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_NameTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LocalProcessProvisioner(new LocalProvisionerOptions
        {
            ShutdownWaitTime = TimeSpan.Zero,
            OutputTailLines = 0,
        }));

        Assert.Contains("LocalProvisionerOptions.ShutdownWaitTime", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LocalProvisionerOptions.OutputTailLines", ex.Message, StringComparison.Ordinal);
    }
}
