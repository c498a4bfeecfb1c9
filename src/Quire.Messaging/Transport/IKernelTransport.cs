using Quire.Messaging.Connection;

namespace Quire.Messaging.Transport;

/// <summary>Opens connections described by a connection file (ZeroMQ in <c>Quire.Messaging.ZeroMQ</c>; fakes in tests).</summary>
public interface IKernelTransport
{
    /// <summary>Connects to a kernel as a client.</summary>
    Task<IClientChannels> ConnectAsync(ConnectionInfo connection, CancellationToken cancellationToken = default);

    /// <summary>Binds the kernel side (used by Quire's kernels and test kernels).</summary>
    Task<IKernelChannels> BindAsync(ConnectionInfo connection, CancellationToken cancellationToken = default);
}
