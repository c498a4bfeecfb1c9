using System.Diagnostics;
using System.Globalization;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// One kernel started from its kernelspec by Quire's <see cref="KernelManager"/> (as a Quire frontend starts it) and
/// driven by its <see cref="KernelClient"/>. Every timing ends when <see cref="KernelClient.ExecuteAsync"/> returns:
/// the <c>execute_reply</c> and the iopub <c>idle</c> that follows all of the cell's outputs have arrived.
/// </summary>
internal sealed class BenchmarkKernel : IAsyncDisposable
{
    private static readonly ExecuteOptions Options = new() { Timeout = TimeSpan.FromMinutes(5) };

    // ipykernel aborts requests that arrive just after a failed cell sent with stop_on_error (its _abort_queues), so
    // the next cell after an interrupt would be aborted: the interrupted loop does not ask to stop on error.
    private static readonly ExecuteOptions Interruptible = Options with { StopOnError = false };

    private readonly KernelManager _manager;

    private BenchmarkKernel(KernelManager manager) => _manager = manager;

    private KernelClient Client => _manager.Client ?? throw new InvalidOperationException("the kernel has no client");

    /// <summary>Starts the kernel as a Quire frontend does: ready once it answered kernel_info with iopub and stdin connected.</summary>
    public static async Task<BenchmarkKernel> StartAsync(KernelSpec spec)
    {
        var manager = new KernelManager(spec, new ZeroMqTransport());
        await manager.StartAsync();
        return new BenchmarkKernel(manager);
    }

    /// <summary>Runs <paramref name="code"/> and fails unless the kernel answered <c>ok</c>.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string code, IProgress<JupyterMessage>? output = null)
    {
        var result = await Client.ExecuteAsync(code, Options, output);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the {_manager.Spec.Name} kernel failed a benchmark cell: {result.Reply.Ename}: {result.Reply.Evalue}");
        }

        return result;
    }

    /// <summary>The time of one execution of <paramref name="code"/>.</summary>
    public async Task<double> TimeExecuteAsync(string code)
    {
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(code);
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The text/plain of the cell's <c>execute_result</c>.</summary>
    public static string? ResultText(ExecutionResult result)
    {
        var message = result.Outputs.LastOrDefault(m => m.MsgType == MessageTypes.ExecuteResult);
        return message?.GetContent(MessagingJsonContext.Default.ExecuteResult).Data.GetValueOrDefault("text/plain").GetString();
    }

    public async Task<double> TimeCompleteAsync(string code, int expectedAtLeast)
    {
        var watch = Stopwatch.StartNew();
        var reply = await Client.CompleteAsync(code, code.Length);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (reply.Matches.Count < expectedAtLeast)
        {
            throw new InvalidOperationException($"the {_manager.Spec.Name} kernel completed '{code}' with {reply.Matches.Count} matches");
        }

        return elapsed;
    }

    /// <summary>Starts the busy loop, and once it has printed its marker, times the interrupt until the error reply.</summary>
    public async Task<double> TimeInterruptAsync(string busyLoop)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new SyncProgress(m =>
        {
            if (m.MsgType == MessageTypes.Stream && m.GetContent(MessagingJsonContext.Default.StreamOutput).Text.Contains(LanguageSamples.StartedMarker, StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        });
        var run = Client.ExecuteAsync(busyLoop, Interruptible, output);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        await _manager.InterruptAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (result.Reply.Ename != "KeyboardInterrupt")
        {
            throw new InvalidOperationException($"the {_manager.Spec.Name} kernel answered the interrupt with {result.Reply.Status} {result.Reply.Ename}");
        }

        return elapsed;
    }

    /// <summary>
    /// MiB/s of a cell printing <paramref name="chunks"/> × <paramref name="chunkSize"/> characters, all received, and
    /// the CPU seconds the kernel process and this client spent meanwhile.
    /// </summary>
    public async Task<(double MiBps, double KernelCpu, double ClientCpu)> StreamRateAsync(string cell, int chunks, int chunkSize)
    {
        long received = 0;
        var output = new SyncProgress(m =>
        {
            if (m.MsgType == MessageTypes.Stream)
            {
                received += m.GetContent(MessagingJsonContext.Default.StreamOutput).Text.Length;
            }
        });
        var kernelCpu = KernelCpuSeconds();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(cell, output);
        var seconds = watch.Elapsed.TotalSeconds;
        kernelCpu = KernelCpuSeconds() - kernelCpu;
        var clientSeconds = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalSeconds;
        var expected = (long)chunks * chunkSize;
        if (received != expected)
        {
            throw new InvalidOperationException($"the {_manager.Spec.Name} kernel's stream delivered {received} characters of {expected}");
        }

        return (expected / 1048576.0 / seconds, kernelCpu, clientSeconds);
    }

    /// <summary>The kernel process's resident memory now (/proc/PID/status VmRSS).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private int ProcessId => (_manager.Provisioner as LocalProcessProvisioner)?.ProcessId ?? throw new InvalidOperationException("the kernel has no local process");

    /// <summary>User and system CPU time of the kernel process so far (/proc/PID/stat, in clock ticks of 10 ms).</summary>
    private double KernelCpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        await _manager.ShutdownAsync();
        await _manager.DisposeAsync();
    }

    /// <summary>Reports on the client's receive loop, synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<JupyterMessage> report) : IProgress<JupyterMessage>
    {
        public void Report(JupyterMessage value) => report(value);
    }
}
