using System.Threading.Channels;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.Transport;

/// <summary>
/// The message channels of one connection, whichever side it is. Sends are queued to the connection's own I/O
/// thread; received messages arrive already decoded and verified on per-channel <see cref="ChannelReader{T}"/>s.
/// Messages that fail verification never arrive: they are logged and counted in <see cref="RejectedCount"/>.
/// </summary>
public interface IMessageChannels : IAsyncDisposable
{
    /// <summary>Signs, encodes and queues a message on shell, control, stdin or iopub.</summary>
    ValueTask SendAsync(KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken = default);

    /// <summary>Messages received on a channel (heartbeat has none).</summary>
    ChannelReader<JupyterMessage> Reader(KernelChannel channel);

    /// <summary>How many received messages were refused (malformed, unsigned, wrongly signed, replayed).</summary>
    long RejectedCount { get; }
}
