using System.Text;
using System.Text.Json;
using Quire.Conformance.Infrastructure;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Conformance.Kernels;

/// <summary>
/// Debian's ipykernel started from its kernelspec (<c>/usr/share/jupyter/kernels/python3</c>) by Quire's
/// <see cref="KernelManager"/> over ZeroMQ, with everything it writes in a temporary directory. Shuts the kernel down
/// when disposed.
/// </summary>
internal sealed class IPyKernel : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _root;

    private IPyKernel(KernelManager manager, string root)
    {
        Manager = manager;
        _root = root;
    }

    public KernelManager Manager { get; }

    /// <summary>The client of the current kernel process (a restart replaces it).</summary>
    public KernelClient Client => Manager.Client ?? throw new InvalidOperationException($"kernel {Manager.KernelId} has no client: it is {Manager.Status}");

    /// <summary>Finds the <c>python3</c> kernelspec in the system Jupyter directories and starts it; skips (fails on CI) without one.</summary>
    public static async Task<IPyKernel> StartAsync(CancellationToken cancellationToken)
    {
        PythonEnvironment.RequireModules("ipykernel");
        var finder = new KernelSpecFinder(new KernelSpecFinderOptions
        {
            KernelDirectories = [.. JupyterPaths.SystemJupyterPath.Select(dir => Path.Combine(dir, "kernels"))],
        });
        var spec = await finder.FindAsync("python3", cancellationToken);
        if (spec is null)
        {
            var problem = $"no python3 kernelspec in {string.Join(", ", finder.KernelDirectories)}: this test needs Debian's python3-ipykernel";
            if (PythonEnvironment.IsCi)
            {
                Assert.Fail($"{problem}. On CI (CI=true) a missing reference implementation is a failure, not a skip.");
            }

            Assert.Skip(problem);
        }

        var root = Directory.CreateTempSubdirectory("quire-ipykernel-").FullName;
        var provisioners = KernelProvisionerFactory.CreateDefault(new LocalProvisionerOptions { RuntimeDirectory = Path.Combine(root, "runtime") });
        var manager = new KernelManager(spec, new ZeroMqTransport(), provisioners: provisioners);
        var kernel = new IPyKernel(manager, root);
        try
        {
            await manager.StartAsync(
                new KernelStartParameters
                {
                    WorkingDirectory = root,
                    Env = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["IPYTHONDIR"] = Path.Combine(root, "ipython"),
                        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime"),
                    },
                },
                cancellationToken);
        }
        catch
        {
            await kernel.DisposeAsync();
            throw;
        }

        return kernel;
    }

    /// <summary>Runs <paramref name="code"/>; a timeout says what did arrive on iopub, and what the kernel wrote.</summary>
    public async Task<ExecutionResult> ExecuteAsync(
        string code, CancellationToken cancellationToken, IProgress<JupyterMessage>? output = null, bool stopOnError = true)
    {
        var client = Client;
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Record(object? sender, JupyterMessage message) => seen.Enqueue($"{message.MsgType} (parent {message.ParentMsgId}) {Encoding.UTF8.GetString(message.ContentJson.Span)}");
        client.IOPubReceived += Record;
        try
        {
            return await client.ExecuteAsync(code, new ExecuteOptions { Timeout = Patience, StopOnError = stopOnError }, output, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"{ex.Message} (code: {code}); iopub meanwhile:\n{string.Join("\n", seen)}\nthe kernel's output:\n{Manager.Provisioner?.OutputTail}", ex);
        }
        finally
        {
            client.IOPubReceived -= Record;
        }
    }

    /// <summary>The kernel's process id, as its provisioner knows it.</summary>
    public async Task<int> ProcessIdAsync(CancellationToken cancellationToken)
    {
        var state = await Manager.GetProvisionerStateAsync(cancellationToken);
        Assert.True(state.ProcessId is not null, $"the provisioner of kernel {Manager.KernelId} reported no pid; a started local kernel should have one");
        return state.ProcessId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Manager.ShutdownAsync(now: false, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>All the text of the <c>stream</c> outputs called <paramref name="name"/>: a kernel may split a stream.</summary>
    public static string StreamText(ExecutionResult result, string name)
    {
        var text = new StringBuilder();
        foreach (var stream in Outputs(result, MessageTypes.Stream, MessagingJsonContext.Default.StreamOutput).Where(s => s.Name == name))
        {
            text.Append(stream.Text);
        }

        return text.ToString();
    }

    public static List<T> Outputs<T>(ExecutionResult result, string msgType, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        [.. result.Outputs.Where(m => m.MsgType == msgType).Select(m => m.GetContent(type))];

    public static string? Text(Dictionary<string, JsonElement> bundle, string mimeType) =>
        bundle.TryGetValue(mimeType, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Describes what came back, for failure messages.</summary>
    public static string Describe(ExecutionResult result) =>
        $"reply {result.Reply.Status} {result.Reply.Ename} {result.Reply.Evalue}; outputs: " +
        string.Join("; ", result.Outputs.Select(m => $"{m.MsgType} {Encoding.UTF8.GetString(m.ContentJson.Span)}"));

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>; the failure says what was expected.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string expectation, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"within {timeout.TotalSeconds:0} s: {expectation}", ex);
        }
    }
}
