using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quire.Kernels.Management;
using Quire.Kernels.Provisioning;
using Quire.Messaging.ZeroMQ;
using Quire.Server.Api;
using Quire.Server.Hosting;
using Quire.Server.Http;
using Quire.Server.Kernels.Channels;
using Quire.Server.Kernels.Outputs;
using Quire.Server.KernelSpecs;
using Quire.Server.Metrics;

namespace Quire.Server.Kernels;

/// <summary>
/// The server's kernels (jupyter_server's MappingKernelManager): starts them from kernelspecs with the working
/// directory of their notebook, gives each one channel hub for all its WebSockets, tracks what the REST model shows,
/// turns kernel deaths into <c>restarting</c>/<c>dead</c> status for clients, and culls idle kernels. Kernel processes
/// run on real time; activity and culling use the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class KernelRegistry : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServerKernel> _kernels = new(StringComparer.Ordinal);
    private readonly KernelsOptions _options;
    private readonly ServerKernelSpecs _specs;
    private readonly QuireServerOptions _serverOptions;
    private readonly NotebookOutputStore _outputs;
    private readonly ServerActivity _activity;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ServerMetrics? _metrics;
    private readonly ZeroMqTransport _transport;
    private readonly MultiKernelManager _manager;
    private readonly CancellationTokenSource _stopping = new();
    private Task _culler = Task.CompletedTask;

    /// <summary>Cancelled when the server stops: for work that outlives the request that began it (a kernel start).</summary>
    public CancellationToken Stopping => _stopping.Token;

    public KernelRegistry(
        KernelsOptions options,
        ServerKernelSpecs specs,
        ServerStateDirectory state,
        QuireServerOptions serverOptions,
        NotebookOutputStore outputs,
        ServerActivity activity,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ServerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        KernelsOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _specs = specs;
        _serverOptions = serverOptions;
        _outputs = outputs;
        _activity = activity;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KernelRegistry>();
        _metrics = metrics;
        _transport = new ZeroMqTransport(loggerFactory);
        var provisioners = KernelProvisionerFactory.CreateDefault(
            new LocalProvisionerOptions { RuntimeDirectory = state.RuntimeDirectory }, loggerFactory, TimeProvider.System);
        _manager = new MultiKernelManager(_transport, null, options.KernelManager, provisioners, loggerFactory, TimeProvider.System);
        _manager.StatusChanged += OnStatusChanged;
    }

    /// <summary>Raised after a kernel is gone (shut down, culled), with its id; sessions on it end with it.</summary>
    public event Action<string>? KernelRemoved;

    /// <summary>Raised after the culler shut a kernel down, with its id.</summary>
    public event Action<string>? KernelCulled;

    public IReadOnlyCollection<ServerKernel> Kernels => [.. _kernels.Values];

    public (int Kernels, int Connections) Counts()
    {
        var kernels = _kernels.Values.ToList();
        return (kernels.Count, kernels.Sum(k => k.Connections));
    }

    public bool TryGet(string kernelId, [NotNullWhen(true)] out ServerKernel? kernel) => _kernels.TryGetValue(kernelId, out kernel);

    /// <exception cref="ApiException">404 when there is no such kernel.</exception>
    public ServerKernel Get(string kernelId) =>
        _kernels.TryGetValue(kernelId, out var kernel) ? kernel : throw ApiException.NotFound($"Kernel does not exist: {kernelId}");

    /// <summary>
    /// Starts a kernel of <paramref name="name"/> (the default kernel when null) in the directory of
    /// <paramref name="path"/>, and returns once it answers and the hub hears its iopub. An existing
    /// <paramref name="kernelId"/> returns that kernel, as jupyter_server does.
    /// </summary>
    /// <exception cref="NoSuchKernelSpecException">No kernelspec has that name.</exception>
    /// <exception cref="ApiException">The id is not a UUID (400), or the kernel did not start (500).</exception>
    public async Task<ServerKernel> StartAsync(
        string? name, string? path, string? kernelId, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        if (kernelId is not null && _kernels.TryGetValue(kernelId, out var existing))
        {
            return existing;
        }

        if (kernelId is not null && !Guid.TryParse(kernelId, out _))
        {
            throw ApiException.BadRequest($"kernel_id must be a UUID, was '{kernelId}'");
        }

        name ??= await _specs.DefaultNameAsync(cancellationToken).ConfigureAwait(false);
        var spec = await _specs.FindAsync(name, cancellationToken).ConfigureAwait(false) ?? throw new NoSuchKernelSpecException(name);
        var started = _time.GetTimestamp();
        var parameters = new KernelStartParameters { WorkingDirectory = WorkingDirectoryFor(path), Env = Environment(environment) };
        KernelManager manager;
        try
        {
            manager = await _manager.StartKernelAsync(spec, parameters, kernelId, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelStartException ex)
        {
            throw new ApiException(500, ex.Message);
        }

        var kernel = new ServerKernel(manager, _time, _activity, _metrics);
        try
        {
            await ConnectHubAsync(kernel, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            kernel.Forget();
            await _manager.ShutdownKernelAsync(manager.KernelId, now: true, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        _kernels[kernel.Id] = kernel;
        kernel.Touch();
        _metrics?.KernelStarted(kernel.Name, _time.GetElapsedTime(started));
        LogStarted(_logger, kernel.Id, kernel.Name, parameters.WorkingDirectory ?? string.Empty);
        return kernel;
    }

    private async Task ConnectHubAsync(ServerKernel kernel, CancellationToken cancellationToken)
    {
        var connection = kernel.Manager.Connection ?? throw new InvalidOperationException($"kernel {kernel.Id} started without a connection");
        var channels = await _transport.ConnectAsync(connection, cancellationToken).ConfigureAwait(false);
        var hub = new KernelChannelsHub(kernel, channels, _options, _outputs, _time, _loggerFactory.CreateLogger<KernelChannelsHub>());
        kernel.Hub = hub;
        await hub.NudgeAsync(_options.KernelInfoTimeout, cancellationToken).ConfigureAwait(false);
    }

    // jupyter_server's cwd_for_path: the path's directory, walking up to the root while it does not exist; never outside.
    internal string WorkingDirectoryFor(string? path)
    {
        var root = Path.GetFullPath(_serverOptions.RootDirectory);
        if (string.IsNullOrEmpty(path))
        {
            return root;
        }

        var directory = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
        if (!directory.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            return root;
        }

        while (!Directory.Exists(directory) && directory.Length > root.Length)
        {
            directory = Path.GetDirectoryName(directory) ?? root;
        }

        return directory.Length < root.Length ? root : directory;
    }

    private Dictionary<string, string>? Environment(IReadOnlyDictionary<string, string>? environment)
    {
        if (_options.KernelEnvironment is null && environment is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _options.KernelEnvironment ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
