using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Kernels.Tests.Management;

/// <summary>The manager against Debian's real ipykernel.</summary>
[Collection(KernelProcessTests.Name)]
public sealed class KernelManagerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ZeroMqTransport _transport = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private KernelManager NewManager(KernelSpec spec, KernelManagerOptions? options = null) => new(
        spec,
        _transport,
        options,
        KernelProvisionerFactory.CreateDefault(new LocalProvisionerOptions { RuntimeDirectory = _temp.Combine("runtime") }));

    private static int Pid(KernelManager kernel) => ((LocalProcessProvisioner)kernel.Provisioner!).ProcessId!.Value;

    private static async Task<string> EvaluateAsync(KernelManager kernel, string code)
    {
        var result = await kernel.Client!.ExecuteAsync(code, cancellationToken: Token).Within(Waits.KernelTimeout, $"`{code}` should run");
        Assert.True(result.Succeeded, $"`{code}` failed: {result.Reply.Ename}: {result.Reply.Evalue}");
        var output = Assert.Single(result.Outputs, m => m.MsgType == MessageTypes.ExecuteResult);
        return output.Content.GetProperty("data").GetProperty("text/plain").GetString()!;
    }

    [Fact]
    public async Task Start_Execute_Restart_Kill_Shutdown_LeavesNoProcessFileOrDescriptor()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        // One full cycle first, through every path below (restart, a killed kernel's automatic restart): NetMQ and the
        // runtime open descriptors once, on first use, and keep them (a CI run saw 2 assemblies and 2 pipes appear
        // during the first restart and kill when the warm-up only started a kernel).
        await using (var warmUp = NewManager(spec))
        {
            await warmUp.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "the warm-up kernel should start");
            var warmStatus = new StatusRecorder(warmUp);
            await warmUp.RestartAsync(Token).Within(Waits.KernelTimeout, "the warm-up kernel should restart");
            Assert.Equal(0, NativeMethods.SendSignal(Pid(warmUp), UnixSignals.Kill));
            await warmStatus.WaitForAsync(KernelStatus.Restarting, Waits.KernelTimeout, "the warm-up kernel's kill -9 should be noticed");
            await warmStatus.WaitForAsync(KernelStatus.Running, Waits.KernelTimeout, "the killed warm-up kernel should come back");
        }

        var descriptorsBefore = ProcessProbe.OpenFileDescriptors();
        var describedBefore = ProcessProbe.DescribeFileDescriptors();
        var kernel = NewManager(spec);
        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "ipykernel should start");
        var pid = Pid(kernel);
        var connectionFile = ((LocalProcessProvisioner)kernel.Provisioner!).ConnectionFilePath!;

        Assert.Equal(KernelStatus.Running, kernel.Status);
        Assert.StartsWith("5.", kernel.KernelInfo!.ProtocolVersion, StringComparison.Ordinal);
        Assert.Equal("python", kernel.KernelInfo.LanguageInfo.Name);
        Assert.Equal("2", await EvaluateAsync(kernel, "1+1"));
        Assert.True(File.Exists(connectionFile));
        var status = new StatusRecorder(kernel);
        await kernel.RestartAsync(Token).Within(Waits.KernelTimeout, "ipykernel should restart");
        var restartedPid = Pid(kernel);
        Assert.Equal(0, NativeMethods.SendSignal(restartedPid, UnixSignals.Kill));
        await status.WaitForAsync(KernelStatus.Restarting, Waits.KernelTimeout, "kill -9 should be noticed");
        await status.WaitForAsync(KernelStatus.Running, Waits.KernelTimeout, "the killed kernel should come back");
        var lastPid = Pid(kernel);

        await kernel.ShutdownAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "ipykernel should shut down");
        await kernel.ShutdownAsync(cancellationToken: Token);

        Assert.Equal(KernelStatus.ShutDown, kernel.Status);
        Assert.All(new[] { pid, restartedPid, lastPid }, p => Assert.False(ProcessProbe.IsRunning(p), $"kernel pid {p} should be gone"));
        Assert.False(File.Exists(connectionFile), "the connection file should be removed");
        // NetMQ closes sockets on its own I/O thread after disposal; on a loaded CI machine that can take seconds.
        await ProcessProbe.EventuallyAsync(
            () => ProcessProbe.OpenFileDescriptors() <= descriptorsBefore,
            TimeSpan.FromSeconds(30),
            () => $"open descriptors should return to {descriptorsBefore} after shutdown, are {ProcessProbe.OpenFileDescriptors()}; before: {describedBefore}; now: {ProcessProbe.DescribeFileDescriptors()}");
    }

    [Fact]
    public async Task Interrupt_StopsRunningCode_WithKeyboardInterrupt()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        await using var kernel = NewManager(spec);
        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "ipykernel should start");
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress(m =>
        {
            if (m.MsgType == MessageTypes.Stream && m.Content.GetProperty("text").GetString()!.Contains("sleeping", StringComparison.Ordinal))
            {
                sleeping.TrySetResult();
            }
        });

        var execution = kernel.Client!.ExecuteAsync("import time; print('sleeping', flush=True); time.sleep(60)", output: progress, cancellationToken: Token);
        await sleeping.Task.Within(Waits.KernelTimeout, "the cell should print 'sleeping' before it sleeps");

        // A SIGINT that lands between the print and the sleep interrupts IPython's own code, which carries on into the
        // sleep; a user would press interrupt again, and so does this test (at most five times, two seconds apart).
        for (var attempt = 0; attempt < 5 && !execution.IsCompleted; attempt++)
        {
            await kernel.InterruptAsync(Token);
            await ((Task)execution).WaitAsync(TimeSpan.FromSeconds(2), Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        var result = await execution.Within(TimeSpan.FromSeconds(5), "the interrupted execution should reply well before its 60 s sleep ends");

        Assert.Equal(ReplyStatus.Error, result.Reply.Status);
        Assert.Equal("KeyboardInterrupt", result.Reply.Ename);
        Assert.Equal("2", await EvaluateAsync(kernel, "1+1"));
    }

    [Fact]
    public async Task Restart_KeepsPortsAndKey_ReplacesTheProcess()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        await using var kernel = NewManager(spec);
        var status = new StatusRecorder(kernel);
        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "ipykernel should start");
        Assert.Equal("41", await EvaluateAsync(kernel, "x = 41; x"));
        var before = kernel.Connection;
        var oldPid = Pid(kernel);

        await kernel.RestartAsync(Token).Within(Waits.KernelTimeout, "ipykernel should restart");

        Assert.Equal(before, kernel.Connection);
        Assert.NotEqual(oldPid, Pid(kernel));
        Assert.False(ProcessProbe.IsRunning(oldPid), $"the old kernel pid {oldPid} should be gone");
        Assert.Equal("False", await EvaluateAsync(kernel, "'x' in globals()"));
        Assert.Equal(
            [KernelStatus.Starting, KernelStatus.Running, KernelStatus.Restarting, KernelStatus.Running],
            status.History.Select(e => e.Status));
        Assert.Equal(0, kernel.AutoRestartCount);
    }

    [Fact]
    public async Task KilledKernel_IsRestartedAutomatically_OnTheSamePorts()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        await using var kernel = NewManager(spec);
        var status = new StatusRecorder(kernel);
        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "ipykernel should start");
        var oldPid = Pid(kernel);
        var before = kernel.Connection;

        Assert.Equal(0, NativeMethods.SendSignal(oldPid, UnixSignals.Kill));

        var restarting = await status.WaitForAsync(KernelStatus.Restarting, Waits.KernelTimeout, "kill -9 should be noticed");
        await status.WaitForAsync(KernelStatus.Running, Waits.KernelTimeout, "the kernel should come back");
        Assert.Equal(137, restarting.ExitCode);
        Assert.Equal(1, kernel.AutoRestartCount);
        Assert.Equal(before, kernel.Connection);
        Assert.False(ProcessProbe.IsRunning(oldPid));
        Assert.Equal("2", await EvaluateAsync(kernel, "1+1"));
    }

    [Fact]
    public async Task RepeatedFastDeaths_AfterTheRestartLimit_LeaveTheKernelDead()
    {
        var spec = await Ipykernel.RequireSpecAsync();
        var marker = _temp.Combine("started-once");
        // The first launch is a real kernel; every relaunch exits at once.
        var flaky = spec with
        {
            Name = "flaky",
            Argv = ["/bin/sh", "-c", $"if [ -e '{marker}' ]; then echo dying >&2; exit 3; fi; touch '{marker}'; exec \"$@\"", "sh", .. spec.Argv],
        };
        await using var kernel = NewManager(flaky, new KernelManagerOptions { RestartLimit = 2 });
        var status = new StatusRecorder(kernel);
        await kernel.StartAsync(cancellationToken: Token).Within(Waits.KernelTimeout, "the first launch should start ipykernel");
        var pid = Pid(kernel);
        var connectionFile = ((LocalProcessProvisioner)kernel.Provisioner!).ConnectionFilePath!;

        Assert.Equal(0, NativeMethods.SendSignal(pid, UnixSignals.Kill));

        var dead = await status.WaitForAsync(KernelStatus.Dead, Waits.KernelTimeout, "the kernel should be given up after 2 failed restarts");
        Assert.Equal(2, status.History.Count(e => e.Status == KernelStatus.Restarting));
        Assert.Equal(3, dead.ExitCode);
        Assert.Contains("dying", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(0, kernel.AutoRestartCount);
        Assert.False(ProcessProbe.IsRunning(pid));
        Assert.False(File.Exists(connectionFile), "a dead kernel's connection file should be removed");
    }

    [Fact]
    public async Task Start_ProcessExitsFirst_FailsFastWithExitCodeAndOutput()
    {
        var spec = SpecFiles.Shell("echo 'no such module: quire_kernel' >&2; exit 3", "broken");
        await using var kernel = NewManager(spec);

        var ex = await Assert.ThrowsAsync<KernelStartException>(() => kernel.StartAsync(cancellationToken: Token).Within(
            TimeSpan.FromSeconds(30), "a kernel that exits at once should fail the start long before the 60 s start timeout"));

        Assert.Equal(3, ex.ExitCode);
        Assert.Contains("no such module: quire_kernel", ex.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(KernelStatus.Dead, kernel.Status);
        Assert.Empty(Directory.GetFiles(_temp.Combine("runtime")));
    }

    [Fact]
    public async Task Start_KernelThatNeverAnswers_TimesOutAndIsKilled()
    {
        var spec = SpecFiles.Shell("exec sleep 1000", "silent");
        await using var kernel = NewManager(spec, new KernelManagerOptions { StartTimeout = TimeSpan.FromSeconds(1), KernelInfoRetryInterval = TimeSpan.FromMilliseconds(300) });

        var ex = await Assert.ThrowsAsync<KernelStartException>(() => kernel.StartAsync(cancellationToken: Token).Within(
            TimeSpan.FromSeconds(30), "the start should time out after 1 s"));

        Assert.Null(ex.ExitCode);
        Assert.Contains("did not answer kernel_info_request within 1 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(KernelStatus.Dead, kernel.Status);
        Assert.False(kernel.Provisioner!.HasProcess, "the silent process should have been killed");
    }

    [Fact]
    public void Options_Invalid_NameTheSetting()
    {
        var errors = KernelManagerOptionsValidator.Validate(new KernelManagerOptions { StartTimeout = TimeSpan.Zero, RestartLimit = -1 });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("KernelManagerOptions.StartTimeout must be a positive duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("KernelManagerOptions.RestartLimit must be at least 0", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new KernelManager(SpecFiles.Shell("true"), _transport, new KernelManagerOptions { HeartbeatInterval = TimeSpan.Zero }));
    }

    private sealed class SynchronousProgress(Action<JupyterMessage> report) : IProgress<JupyterMessage>
    {
        public void Report(JupyterMessage value) => report(value);
    }
}
