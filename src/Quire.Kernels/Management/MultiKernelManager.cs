using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Transport;

namespace Quire.Kernels.Management;

/// <summary>
/// The kernels of one server, by kernel id (a UUID, as jupyter_server's <c>/api/kernels/{kernel_id}</c> expects): start,
/// list, get, shut down one or all. Every kernel's status changes are forwarded to <see cref="StatusChanged"/>.
/// </summary>
public sealed class MultiKernelManager : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, KernelManager> _kernels = new(StringComparer.Ordinal);
    private readonly IKernelTransport _transport;
    private readonly KernelSpecFinder? _finder;
    private readonly KernelManagerOptions _options;
    private readonly KernelProvisionerFactory _provisioners;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _time;

    public MultiKernelManager(
        IKernelTransport transport,
        KernelSpecFinder? finder = null,
        KernelManagerOptions? options = null,
        KernelProvisionerFactory? provisioners = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _finder = finder;
        _options = options ?? new KernelManagerOptions();
        KernelManagerOptionsValidator.ThrowIfInvalid(_options);
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory;
        _provisioners = provisioners ?? KernelProvisionerFactory.CreateDefault(loggerFactory: loggerFactory, timeProvider: _time);
    }

    /// <summary>Status changes of every kernel started here.</summary>
    public event EventHandler<KernelStatusChangedEventArgs>? StatusChanged;

    public IReadOnlyCollection<string> KernelIds => [.. _kernels.Keys];

    public IReadOnlyCollection<KernelManager> Kernels => [.. _kernels.Values];

    /// <summary>Starts a kernel of the installed kernelspec <paramref name="kernelName"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such kernelspec.</exception>
    public async Task<KernelManager> StartKernelAsync(
        string kernelName, KernelStartParameters? parameters = null, string? kernelId = null, CancellationToken cancellationToken = default)
    {
        var finder = _finder ?? throw new InvalidOperationException("this manager was created without a KernelSpecFinder; pass a KernelSpec");
        var spec = await finder.FindAsync(kernelName, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no kernelspec named '{kernelName}' in {string.Join(", ", finder.KernelDirectories)}");
        return await StartKernelAsync(spec, parameters, kernelId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a kernel and registers it once it is running; a kernel that fails to start is not kept.</summary>
    public async Task<KernelManager> StartKernelAsync(
        KernelSpec spec, KernelStartParameters? parameters = null, string? kernelId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        kernelId ??= Guid.NewGuid().ToString();
        if (!Guid.TryParse(kernelId, out _))
        {
            throw new ArgumentException($"kernel id '{kernelId}' is not a UUID", nameof(kernelId));
        }

        var kernel = new KernelManager(spec, _transport, _options, _provisioners, _loggerFactory, _time, kernelId);
        if (!_kernels.TryAdd(kernelId, kernel))
        {
            throw new InvalidOperationException($"a kernel with id {kernelId} already exists");
        }

        kernel.StatusChanged += Forward;
        try
        {
            await kernel.StartAsync(parameters, cancellationToken).ConfigureAwait(false);
            return kernel;
        }
        catch
        {
            await RemoveAsync(kernelId, now: true, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public bool TryGet(string kernelId, [NotNullWhen(true)] out KernelManager? kernel) => _kernels.TryGetValue(kernelId, out kernel);

    /// <exception cref="KeyNotFoundException">No kernel has that id.</exception>
    public KernelManager Get(string kernelId) =>
        _kernels.TryGetValue(kernelId, out var kernel) ? kernel : throw new KeyNotFoundException($"no kernel with id {kernelId}");

    /// <summary>Shuts one kernel down and forgets it.</summary>
    /// <exception cref="KeyNotFoundException">No kernel has that id.</exception>
    public async Task ShutdownKernelAsync(string kernelId, bool now = false, CancellationToken cancellationToken = default)
    {
        if (!_kernels.ContainsKey(kernelId))
        {
            throw new KeyNotFoundException($"no kernel with id {kernelId}");
        }

        await RemoveAsync(kernelId, now, cancellationToken).ConfigureAwait(false);
    }

    public Task ShutdownAllAsync(bool now = false, CancellationToken cancellationToken = default) =>
        Task.WhenAll(_kernels.Keys.Select(id => RemoveAsync(id, now, cancellationToken)));

    public ValueTask DisposeAsync() => new(ShutdownAllAsync(now: false, CancellationToken.None));

    private async Task RemoveAsync(string kernelId, bool now, CancellationToken cancellationToken)
    {
        if (!_kernels.TryRemove(kernelId, out var kernel))
        {
            return;
        }

        try
        {
            await kernel.ShutdownAsync(now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            kernel.StatusChanged -= Forward;
        }
    }

    private void Forward(object? sender, KernelStatusChangedEventArgs e) => StatusChanged?.Invoke(sender, e);
}
