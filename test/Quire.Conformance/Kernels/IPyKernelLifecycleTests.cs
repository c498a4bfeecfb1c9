using System.Diagnostics;
using Quire.Kernels.Management;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Conformance.Kernels;

/// <summary>
/// Quire's <see cref="KernelManager"/> runs Debian's ipykernel's lifecycle: interrupt (SIGINT to the process group, the
/// kernelspec's default mode), restart on request, shutdown, and the automatic restart of a kernel that was killed.
/// </summary>
public sealed class IPyKernelLifecycleTests
{
    // A few seconds, on a busy two-core CI machine where IPython formats the KeyboardInterrupt's traceback cold.
    private static readonly TimeSpan AFewSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Interrupt_StopsASleepingCell_WithKeyboardInterrupt_AndTheKernelGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new Callback(message =>
        {
            if (message.MsgType == MessageTypes.Stream)
            {
                started.TrySetResult(true);
            }
        });

        // Without stop_on_error: ipykernel would abort requests arriving "at once" after the error, and under load
        // the next cell can arrive before it stops aborting; that race is ipykernel's, not what this test is about.
        // The interrupt waits for the cell's own output: a SIGINT that lands after execute_input but before the user
        // code runs (compiling, storing history) is caught by ipykernel's dispatcher, and no execute_reply ever comes.
        var sleeping = kernel.ExecuteAsync("import time\nprint('sleeping', flush=True)\ntime.sleep(60)", ct, output, stopOnError: false);
        await IPyKernel.WithinAsync(started.Task, IPyKernel.Patience, "the sleeping cell should print before it sleeps", ct);
        var interruptedAt = TimeProvider.System.GetTimestamp();
        await kernel.Manager.InterruptAsync(ct);
        var result = await IPyKernel.WithinAsync(sleeping, IPyKernel.Patience, "the interrupted cell (time.sleep(60)) should end with an execute_reply and idle", ct);
        var took = TimeProvider.System.GetElapsedTime(interruptedAt);
        var after = await kernel.ExecuteAsync("1+1", ct);

        Assert.Equal(ReplyStatus.Error, result.Reply.Status);
        Assert.Equal("KeyboardInterrupt", result.Reply.Ename);
        Assert.True(took < AFewSeconds, $"the interrupt took {took.TotalSeconds:0.0} s");
        Assert.True(after.Succeeded, $"the kernel should run cells after an interrupt: {IPyKernel.Describe(after)}");
    }

    [Fact]
    public async Task Restart_ResetsTheExecutionCount_AndForgetsVariables()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        await kernel.ExecuteAsync("a = 1", ct);
        var before = await kernel.ExecuteAsync("a", ct);
        var pidBefore = await kernel.ProcessIdAsync(ct);

        await kernel.Manager.RestartAsync(ct);
        var after = await kernel.ExecuteAsync("a", ct);

        Assert.Equal(2, before.ExecutionCount);
        Assert.True(before.Succeeded, IPyKernel.Describe(before));
        Assert.Equal(KernelStatus.Running, kernel.Manager.Status);
        Assert.NotEqual(pidBefore, await kernel.ProcessIdAsync(ct));
        Assert.Equal(1, after.ExecutionCount);
        Assert.Equal("NameError", after.Reply.Ename);
    }

    [Fact]
    public async Task Shutdown_EndsTheProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        var pid = await kernel.ProcessIdAsync(ct);
        Assert.True(IsRunning(pid), $"the kernel process {pid} should be running before the shutdown");

        await kernel.Manager.ShutdownAsync(now: false, ct);

        Assert.Equal(KernelStatus.ShutDown, kernel.Manager.Status);
        Assert.False(IsRunning(pid), $"the kernel process {pid} is still running after the shutdown");
        Assert.Null(kernel.Manager.Client);
    }

    [Fact]
    public async Task KilledKernel_IsRestartedAutomatically()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        var changes = new List<KernelStatusChangedEventArgs>();
        var restarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        kernel.Manager.StatusChanged += (_, change) =>
        {
            lock (changes)
            {
                changes.Add(change);
            }

            if (change is { Previous: KernelStatus.Restarting, Status: KernelStatus.Running })
            {
                restarted.TrySetResult(true);
            }
        };
        var pid = await kernel.ProcessIdAsync(ct);

        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(); // SIGKILL: the kernel gets no chance to say anything.
        }

        await IPyKernel.WithinAsync(restarted.Task, TimeSpan.FromSeconds(60), "the manager should report Restarting then Running after kill -9", ct);
        var result = await kernel.ExecuteAsync("6*7", ct);

        List<KernelStatus> seen;
        lock (changes)
        {
            seen = [.. changes.Select(c => c.Status)];
        }

        Assert.Equal([KernelStatus.Restarting, KernelStatus.Running], seen);
        Assert.Equal(1, kernel.Manager.AutoRestartCount);
        Assert.NotEqual(pid, await kernel.ProcessIdAsync(ct));
        Assert.False(IsRunning(pid), $"the killed kernel process {pid} is still running");
        Assert.True(result.Succeeded, $"the restarted kernel should run cells: {IPyKernel.Describe(result)}");
        Assert.Equal(1, result.ExecutionCount);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Reports on the thread that produces the value (Progress&lt;T&gt; would post it elsewhere, later).</summary>
    private sealed class Callback(Action<JupyterMessage> report) : IProgress<JupyterMessage>
    {
        public void Report(JupyterMessage value) => report(value);
    }
}
