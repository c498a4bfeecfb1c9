using Microsoft.Extensions.Logging;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Messaging.Client;
using Quire.Messaging.Connection;
using Quire.Messaging.ZeroMQ;

namespace Quire.Cli.Kernels;

/// <summary>Starting a kernel from its kernelspec, or attaching to a running one by its connection file.</summary>
internal sealed partial class KernelSession
{
    private static readonly TimeSpan AttachTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts the kernelspec <paramref name="name"/>. With <paramref name="restartOnDeath"/> (a REPL, as jupyter console)
    /// a kernel that dies is restarted; a piped run reports the death and fails instead.
    /// </summary>
    /// <exception cref="KernelSessionException">No such kernelspec (exit 3), or the kernel did not start.</exception>
    public static async Task<KernelSession> StartAsync(string name, bool restartOnDeath, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var finder = new KernelSpecFinder(logger: loggerFactory.CreateLogger<KernelSpecFinder>());
        KernelSpec? spec;
        try
        {
            spec = await finder.FindAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new KernelSessionException($"kernelspec '{name}' cannot be read: {ex.Message}", ExitCodes.BadInput);
        }

        if (spec is null)
        {
            var catalog = await finder.FindAllAsync(cancellationToken).ConfigureAwait(false);
            var names = catalog.Specs.Keys.Order(StringComparer.Ordinal).ToList();
            var available = names.Count == 0
                ? $"no kernelspecs are installed (searched {string.Join(", ", finder.KernelDirectories)})"
                : $"available: {string.Join(", ", names)}";
            throw new KernelSessionException($"no kernelspec named '{name}'; {available}", ExitCodes.BadInput);
        }

        var options = new KernelManagerOptions { RestartLimit = restartOnDeath ? new KernelManagerOptions().RestartLimit : 0 };
        var manager = new KernelManager(spec, new ZeroMqTransport(loggerFactory), options, loggerFactory: loggerFactory);
        try
        {
            await manager.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await manager.DisposeAsync().ConfigureAwait(false);
            var tail = (ex as KernelStartException)?.OutputTail.Trim();
            var detail = string.IsNullOrEmpty(tail) ? string.Empty : $"\n{tail}";
            throw new KernelSessionException($"kernel '{spec.Name}' failed to start: {ex.Message}{detail}", ExitCodes.BadInput);
        }

        return new KernelSession(manager, null, manager.KernelInfo!);
    }

    /// <summary>Connects to a running kernel; a bare file name is looked up in the Jupyter runtime directory too.</summary>
    /// <exception cref="KernelSessionException">The file cannot be read, or no kernel answers there (exit 3).</exception>
    public static async Task<KernelSession> AttachAsync(string file, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var path = ResolveConnectionFile(file);
        ConnectionInfo connection;
        try
        {
            connection = await ConnectionFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new KernelSessionException($"cannot read connection file {path}: {ex.Message}", ExitCodes.BadInput);
        }

        var client = await KernelClient.ConnectAsync(new ZeroMqTransport(loggerFactory), connection, loggerFactory: loggerFactory, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var info = await client.KernelInfoAsync(AttachTimeout, cancellationToken).ConfigureAwait(false);
            client.StartHeartbeatMonitor();
            return new KernelSession(null, client, info);
        }
        catch (TimeoutException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new KernelSessionException(
                $"no kernel answered at {path} within {AttachTimeout.TotalSeconds:0} s (is it still running?)", ExitCodes.BadInput);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string ResolveConnectionFile(string file)
    {
        if (File.Exists(file) || file.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return file;
        }

        var runtime = Path.Combine(JupyterPaths.RuntimeDir(Environment.GetEnvironmentVariable, JupyterPaths.HomeDirectory()), file);
        return File.Exists(runtime) ? runtime : file;
    }
}
