using System.Text;
using NetMQ;
using NetMQ.Monitoring;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;

namespace Quire.Messaging.ZeroMQ.Tests.Fakes;

/// <summary>
/// A kernel made of raw NetMQ sockets (shell ROUTER, iopub PUB) that can put on the wire what real kernels rarely
/// do: bad signatures, replays, truncated or undelimited messages, huge buffers, silence, and death mid-reply.
/// </summary>
internal sealed class WireFakeKernel : IDisposable
{
    private readonly RouterSocket _shell = new();
    private readonly PublisherSocket _iopub = new();
    private readonly string _shellEndpoint;
    private readonly string _iopubEndpoint;
    private bool _shellClosed;

    public WireFakeKernel(ConnectionInfo connection)
    {
        Codec = new WireCodec(MessageSigner.FromKey(connection.Key, connection.SignatureScheme));
        foreach (var socket in new NetMQSocket[] { _shell, _iopub })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Options.SendHighWatermark = 0;
        }

        _shellEndpoint = connection.Endpoint(KernelChannel.Shell);
        _shell.Bind(_shellEndpoint);
        _iopubEndpoint = connection.Endpoint(KernelChannel.IOPub);
        _iopub.Bind(_iopubEndpoint);
    }

    public MessageSession Session { get; } = new();

    public WireCodec Codec { get; }

    public static byte[] Topic => "kernel.fake.stream"u8.ToArray();

    /// <summary>A signed stream message's frames, topic first; every call signs a fresh header.</summary>
    public byte[][] StreamFrames(string text = "hello", IReadOnlyList<ReadOnlyMemory<byte>>? buffers = null, string msgType = "stream")
    {
        var content = Encoding.UTF8.GetBytes($$"""{"name":"stdout","text":"{{text}}"}""");
        var message = Session.CreateRaw(msgType, content, buffers: buffers).WithIdentities([Topic]);
        return [.. Codec.Encode(message).Select(f => f.ToArray())];
    }

    public void Publish(IReadOnlyList<byte[]> frames) => Send(_iopub, frames);

    public ValueTask PublishProbeAsync()
    {
        Publish(StreamFrames(msgType: Probe.MsgType));
        return ValueTask.CompletedTask;
    }

    /// <summary>The next shell request's frames, routing identity first.</summary>
    public List<byte[]> ReceiveShell(TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        Assert.True(_shell.TryReceiveMultipartBytes(timeout, ref frames), $"expected a shell request within {timeout}");
        return frames!;
    }

    /// <summary>A signed reply to <paramref name="request"/>'s frames, addressed to its sender.</summary>
    public byte[][] ReplyFrames(List<byte[]> request, string msgType = "kernel_info_reply")
    {
        var parsed = Codec.Decode([.. request.Select(f => (ReadOnlyMemory<byte>)f)]);
        var reply = Session.CreateRaw(msgType, """{"status":"ok"}"""u8.ToArray(), parent: parsed).WithIdentities(parsed.Identities);
        return [.. Codec.Encode(reply).Select(f => f.ToArray())];
    }

    public void SendShell(IReadOnlyList<byte[]> frames) => Send(_shell, frames);

    /// <summary>
    /// Sends the first <paramref name="count"/> frames of a message, more-flag set, then closes the shell socket.
    /// </summary>
    public void SendPartialAndDie(IReadOnlyList<byte[]> frames, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _shell.SendFrame(frames[i], more: true);
        }

        Close(_shell, _shellEndpoint);
        _shellClosed = true;
    }

    public void Dispose()
    {
        if (!_shellClosed)
        {
            Close(_shell, _shellEndpoint);
        }

        Close(_iopub, _iopubEndpoint);
    }

    /// <summary>Unbinds and waits until NetMQ, on its own thread, has closed the listener; then the next fake can bind.</summary>
    private static void Close(NetMQSocket socket, string endpoint)
    {
        using var closed = new ManualResetEventSlim();
        using (var poller = new NetMQPoller())
        using (var monitor = new NetMQMonitor(socket, $"inproc://fake-{Guid.NewGuid():N}", SocketEvents.Closed))
        {
            // Attaching connects the monitor at once; a monitor started on its own thread could miss the event.
            monitor.Closed += (_, _) => closed.Set();
            monitor.AttachToPoller(poller);
            poller.RunAsync();
            socket.Unbind(endpoint);
            Assert.True(closed.Wait(Wait.Long, TestContext.Current.CancellationToken), $"expected the fake kernel's {endpoint} listener to close");
            poller.Stop();
            monitor.DetachFromPoller();
        }

        socket.Dispose();
    }

    private static void Send(NetMQSocket socket, IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            socket.SendFrame(frames[i], more: i < frames.Count - 1);
        }
    }
}
