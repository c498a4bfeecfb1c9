using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Messaging.Connection;
using Quire.Messaging.Transport;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// Jupyter's channels over ZeroMQ (NetMQ, managed: no native library to ship). Each connection runs one thread of
/// its own that owns its sockets; received messages are verified there and refused ones only logged and counted.
/// </summary>
/// <remarks>
/// NetMQ's <c>ipc://</c> is not a Unix socket but loopback TCP on a port derived from the path: it works between
/// NetMQ peers, carries no file permissions, and a libzmq kernel cannot reach it. Prefer tcp unless both sides are ours.
/// </remarks>
public sealed class ZeroMqTransport : IKernelTransport
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ZeroMqTransportOptions _options;

    public ZeroMqTransport(ILoggerFactory? loggerFactory = null, ZeroMqTransportOptions? options = null)
    {
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _options = options ?? new ZeroMqTransportOptions();
        if (_options.MaxMessageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxMessageSize must be positive (or null for no limit)");
        }
    }

    public Task<IClientChannels> ConnectAsync(ConnectionInfo connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();

        // Connecting only starts ZeroMQ's background connect: nothing here waits for the kernel.
        IClientChannels channels = ZeroMqClientChannels.Connect(connection, _options, _loggerFactory.CreateLogger<ZeroMqClientChannels>());
        return Task.FromResult(channels);
    }

    public Task<IKernelChannels> BindAsync(ConnectionInfo connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        IKernelChannels channels = ZeroMqKernelChannels.Bind(connection, _options, _loggerFactory.CreateLogger<ZeroMqKernelChannels>());
        return Task.FromResult(channels);
    }
}
