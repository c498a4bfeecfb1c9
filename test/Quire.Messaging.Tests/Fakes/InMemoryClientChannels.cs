using System.Collections.Concurrent;
using System.Threading.Channels;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;

namespace Quire.Messaging.Tests.Fakes;

/// <summary>
/// A client connection held in memory: what the client sends is readable by a fake kernel through
/// <see cref="Sent"/>, and what the kernel delivers arrives on the client's readers. Pings are answered from a script.
/// </summary>
internal sealed class InMemoryClientChannels : IClientChannels
{
    private readonly Dictionary<KernelChannel, Channel<JupyterMessage>> _toClient = NewChannels();
    private readonly Dictionary<KernelChannel, Channel<JupyterMessage>> _toKernel = NewChannels();
    private readonly ConcurrentQueue<bool> _pingAnswers = new();
    private int _pings;

    public long RejectedCount => 0;

    public bool Disposed { get; private set; }

    public int PingCount => Volatile.Read(ref _pings);

    /// <summary>What unscripted pings answer.</summary>
    public bool DefaultPingAnswer { get; set; } = true;

    public void ScriptPings(params bool[] answers)
    {
        foreach (var answer in answers)
        {
            _pingAnswers.Enqueue(answer);
        }
    }

    public ChannelReader<JupyterMessage> Reader(KernelChannel channel) => _toClient[channel].Reader;

    public ValueTask SendAsync(KernelChannel channel, JupyterMessage message, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return _toKernel[channel].Writer.WriteAsync(message, cancellationToken);
    }

    public Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _pings);
        return Task.FromResult(_pingAnswers.TryDequeue(out var answer) ? answer : DefaultPingAnswer);
    }

    public Task<bool> WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>The messages the client sent on a channel, for the fake kernel.</summary>
    public ChannelReader<JupyterMessage> Sent(KernelChannel channel) => _toKernel[channel].Reader;

    /// <summary>Hands a message from the kernel to the client.</summary>
    public void Deliver(KernelChannel channel, JupyterMessage message)
    {
        if (!_toClient[channel].Writer.TryWrite(message))
        {
            throw new InvalidOperationException($"the client's {channel} channel is closed");
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        foreach (var channel in _toClient.Values)
        {
            channel.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    private static Dictionary<KernelChannel, Channel<JupyterMessage>> NewChannels() => new()
    {
        [KernelChannel.Shell] = Channel.CreateUnbounded<JupyterMessage>(),
        [KernelChannel.Control] = Channel.CreateUnbounded<JupyterMessage>(),
        [KernelChannel.IOPub] = Channel.CreateUnbounded<JupyterMessage>(),
        [KernelChannel.Stdin] = Channel.CreateUnbounded<JupyterMessage>(),
    };
}
