using System.Collections.Concurrent;
using System.Threading.Channels;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;

namespace Quire.Kernel.CSharp.Tests.Infrastructure;

/// <summary>The kernel side of a connection in memory: the harness delivers requests and reads what the kernel sent.</summary>
public sealed class InMemoryKernelChannels : IKernelChannels
{
    private static readonly ReadOnlyMemory<byte>[] FrontendIdentity = [new byte[] { 1, 2, 3 }];
    private readonly ConcurrentDictionary<KernelChannel, Channel<JupyterMessage>> _incoming = new();
    private readonly ConcurrentDictionary<KernelChannel, Channel<JupyterMessage>> _outgoing = new();

    public long RejectedCount => 0;

    /// <summary>A request as a frontend would send it (its identity routes the reply).</summary>
    public void Deliver(KernelChannel channel, JupyterMessage message) =>
        Incoming(channel).Writer.TryWrite(message.WithIdentities(FrontendIdentity));

    /// <summary>What the kernel sent on a channel, in order.</summary>
    public ChannelReader<JupyterMessage> Sent(KernelChannel channel) => Outgoing(channel).Reader;

    public ValueTask SendAsync(KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken = default) =>
        Outgoing(channel).Writer.WriteAsync(message, cancellationToken);

    public ChannelReader<JupyterMessage> Reader(KernelChannel channel) => Incoming(channel).Reader;

    public ValueTask DisposeAsync()
    {
        foreach (var channel in _outgoing.Values)
        {
            channel.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    private Channel<JupyterMessage> Incoming(KernelChannel channel) =>
        _incoming.GetOrAdd(channel, _ => Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true }));

    private Channel<JupyterMessage> Outgoing(KernelChannel channel) =>
        _outgoing.GetOrAdd(channel, _ => Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true }));
}
