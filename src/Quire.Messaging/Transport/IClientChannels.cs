namespace Quire.Messaging.Transport;

/// <summary>A client's side of a kernel connection: shell, control and stdin dealers, an iopub subscriber, a heartbeat.</summary>
public interface IClientChannels : IMessageChannels
{
    /// <summary>Sends one heartbeat ping; true when the kernel echoed it within <paramref name="timeout"/>.</summary>
    Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the shell, control and stdin channels have reached the kernel; false after <paramref name="timeout"/>.
    /// </summary>
    /// <remarks>
    /// A kernel routes <c>input_request</c> to the identity that sent the execution; a router drops a message to an
    /// identity it has not met yet, so a client that executes before its stdin channel is connected can lose the
    /// question and wait for ever. Reconnect timers run per socket, so shell being up says nothing about stdin.
    /// </remarks>
    Task<bool> WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
