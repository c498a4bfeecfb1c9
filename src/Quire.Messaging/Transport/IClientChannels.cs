namespace Quire.Messaging.Transport;

/// <summary>A client's side of a kernel connection: shell, control and stdin dealers, an iopub subscriber, a heartbeat.</summary>
public interface IClientChannels : IMessageChannels
{
    /// <summary>Sends one heartbeat ping; true when the kernel echoed it within <paramref name="timeout"/>.</summary>
    Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
