using System.Runtime.InteropServices;
using NetMQ;
using NetMQ.Sockets;

namespace Quire.Messaging.ZeroMQ.Tests;

public sealed class FrameIOTests
{
    [Fact]
    public void TryReceive_GivesEveryFrame_AsConsecutiveSlicesOfOneArray()
    {
        using var sockets = Sockets();
        var (sender, receiver) = sockets;
        // More parts than the reader's first scratch holds, empty ones among them.
        var sent = Enumerable.Range(0, 40).Select(i => Enumerable.Repeat((byte)i, i % 3 == 0 ? 0 : i).ToArray()).ToArray();
        sender.SendMultipartBytes(sent);
        var frames = new List<ReadOnlyMemory<byte>>();

        var result = ReceiveWithin(receiver, frames, long.MaxValue);

        Assert.Equal(FrameIO.Received.Message, result);
        Assert.Equal(sent, frames.Select(f => f.ToArray()));
        var next = 0;
        byte[]? array = null;
        foreach (var frame in frames)
        {
            Assert.True(MemoryMarshal.TryGetArray(frame, out var segment));
            Assert.Same(array ??= segment.Array, segment.Array);
            Assert.Equal(next, segment.Offset);
            next += segment.Count;
        }

        Assert.Equal(FrameIO.Received.Nothing, FrameIO.TryReceive(receiver, frames, long.MaxValue));
    }

    [Fact]
    public void TryReceive_OverTheLimit_IsTooLarge_AndTheNextMessageIsWhole()
    {
        using var sockets = Sockets();
        var (sender, receiver) = sockets;
        sender.SendMultipartBytes(new byte[60], new byte[60]);
        sender.SendMultipartBytes("small"u8.ToArray(), "message"u8.ToArray());
        var frames = new List<ReadOnlyMemory<byte>>();

        Assert.Equal(FrameIO.Received.TooLarge, ReceiveWithin(receiver, frames, maxSize: 100));
        Assert.Equal(FrameIO.Received.Message, ReceiveWithin(receiver, frames, maxSize: 100));
        Assert.Equal(["small"u8.ToArray(), "message"u8.ToArray()], frames.Select(f => f.ToArray()));
    }

    /// <summary>TryReceive never waits: poll first, so that the test does not race the sockets' threads.</summary>
    private static FrameIO.Received ReceiveWithin(PairSocket receiver, List<ReadOnlyMemory<byte>> frames, long maxSize)
    {
        Assert.True(receiver.Poll(PollEvents.PollIn, Wait.Long) == PollEvents.PollIn, $"expected a message within {Wait.Long}");
        return FrameIO.TryReceive(receiver, frames, maxSize);
    }

    private static SocketPair Sockets()
    {
        var address = $"inproc://frameio-{Guid.NewGuid():N}";
        var receiver = new PairSocket();
        receiver.Bind(address);
        var sender = new PairSocket();
        sender.Connect(address);
        return new SocketPair(sender, receiver);
    }

    private sealed record SocketPair(PairSocket Sender, PairSocket Receiver) : IDisposable
    {
        public void Dispose()
        {
            Sender.Dispose();
            Receiver.Dispose();
        }
    }
}
