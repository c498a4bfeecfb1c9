using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Transport;

namespace Quire.Kernels.Management;

/// <summary>
/// One kernel's lifecycle (jupyter_client's <c>KernelManager</c> and <c>KernelRestarter</c> together): provisions it,
/// connects a <see cref="KernelClient"/> over the injected transport and waits for <c>kernel_info_reply</c>; interrupts,
/// restarts on the same ports, shuts down gracefully then by force; and watches the process (and heartbeat) to restart
/// a kernel that dies, until it dies <see cref="KernelManagerOptions.RestartLimit"/> times in a row soon after starting.
/// Lifecycle operations are serialised. <see cref="StatusChanged"/> is raised synchronously: keep handlers short and do
/// not call back into the manager from them.
/// </summary>
public sealed partial class KernelManager : IAsyncDisposable
{
    private readonly IKernelTransport _transport;
    private readonly KernelManagerOptions _options;
    private readonly KernelProvisionerFactory _provisioners;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Lock _stateLock = new();
    private KernelStatus _status = KernelStatus.NotStarted;
    private IKernelProvisioner? _provisioner;
    private KernelClient? _client;
    private ConnectionInfo? _connection;
    private KernelInfoReply? _kernelInfo;
    private KernelStartParameters _parameters = new();
    private DateTimeOffset _launchedAt;
    private int _autoRestarts;

    public KernelManager(
        KernelSpec spec,
        IKernelTransport transport,
        KernelManagerOptions? options = null,
        KernelProvisionerFactory? provisioners = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        string? kernelId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(transport);
        _options = options ?? new KernelManagerOptions();
        KernelManagerOptionsValidator.ThrowIfInvalid(_options);
        Spec = spec;
        _transport = transport;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<KernelManager>();
        _time = timeProvider ?? TimeProvider.System;
        _provisioners = provisioners ?? KernelProvisionerFactory.CreateDefault(loggerFactory: _loggerFactory, timeProvider: _time);
        KernelId = kernelId ?? Guid.NewGuid().ToString();
    }

    /// <summary>Raised on every status change, with the reason (and the exit code when a death caused it).</summary>
    public event EventHandler<KernelStatusChangedEventArgs>? StatusChanged;

    public string KernelId { get; }

    public KernelSpec Spec { get; }

    public KernelStatus Status => Read(() => _status);

    /// <summary>The ports and key; the same across restarts.</summary>
    public ConnectionInfo? Connection => Read(() => _connection);

    /// <summary>The client connected to the current kernel process; replaced on each restart.</summary>
    public KernelClient? Client => Read(() => _client);

    /// <summary>The current kernel process's <c>kernel_info_reply</c>.</summary>
    public KernelInfoReply? KernelInfo => Read(() => _kernelInfo);

    public IKernelProvisioner? Provisioner => Read(() => _provisioner);

    /// <summary>How many times the kernel was restarted because it died (not counting requested restarts).</summary>
    public int AutoRestartCount => Read(() => _autoRestarts);

    /// <summary>What the provisioner needs to reattach after a server restart (see <see cref="AttachAsync"/>).</summary>
    public Task<ProvisionerState> GetProvisionerStateAsync(CancellationToken cancellationToken = default) =>
        (Provisioner ?? throw new InvalidOperationException($"kernel {KernelId} has not been started")).GetStateAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Status != KernelStatus.ShutDown)
        {
            await ShutdownAsync(now: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_stateLock)
        {
            return read();
        }
    }

    private void SetStatus(KernelStatus status, string reason, int? exitCode = null)
    {
        KernelStatus previous;
        lock (_stateLock)
        {
            previous = _status;
            _status = status;
        }

        KernelManagerLog.StatusChanged(_logger, KernelId, previous, status, reason);
        try
        {
            StatusChanged?.Invoke(this, new KernelStatusChangedEventArgs(KernelId, previous, status, reason, exitCode));
        }
        catch (Exception ex)
        {
            KernelManagerLog.HandlerFailed(_logger, KernelId, ex);
        }
    }
}
