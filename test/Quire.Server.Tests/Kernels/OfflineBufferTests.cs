using System.Text;
using Quire.Messaging.Protocol;
using Quire.Server.Kernels.Channels;

namespace Quire.Server.Tests.Kernels;

public sealed class OfflineBufferTests
{
    private static readonly MessageSession Kernel = new("kernel");

    [Fact]
    public void PastTheMessageBound_TheOldestIOPubGoesFirst_RepliesStay_AndDropsAreCounted()
    {
        var buffer = new OfflineBuffer(0, maxMessages: 3, maxBytes: long.MaxValue);
        var reply = Message("shell", "execute_reply");

        buffer.Add(Message("iopub", "stream"));
        buffer.Add(reply);
        buffer.Add(Message("iopub", "stream"));
        buffer.Add(Message("iopub", "display_data"));
        buffer.Add(Message("iopub", "status"));

        Assert.Equal(2, buffer.Dropped);
        Assert.Equal(["execute_reply", "display_data", "status"], buffer.Drain().Select(m => m.Message.MsgType));
    }

    [Fact]
    public void PastTheByteBound_MessagesAreDropped()
    {
        var one = Message("iopub", "stream");
        var buffer = new OfflineBuffer(0, maxMessages: 100, maxBytes: (one.PartsLength * 2) + 1);

        for (var i = 0; i < 10; i++)
        {
            buffer.Add(Message("iopub", "stream"));
        }

        Assert.Equal(2, buffer.Count);
        Assert.Equal(8, buffer.Dropped);
        Assert.True(buffer.Bytes <= (one.PartsLength * 2) + 1);
    }

    [Fact]
    public void Drain_KeepsArrivalOrderAcrossChannels()
    {
        var buffer = new OfflineBuffer(0, 10, long.MaxValue);
        buffer.Add(Message("iopub", "status"));
        buffer.Add(Message("shell", "execute_reply"));
        buffer.Add(Message("iopub", "stream"));

        Assert.Equal(["status", "execute_reply", "stream"], buffer.Drain().Select(m => m.Message.MsgType));
        Assert.Equal(0, buffer.Count);
    }

    private static OutboundMessage Message(string channel, string msgType) =>
        new(channel, Kernel.CreateRaw(msgType, Encoding.UTF8.GetBytes("""{"name": "stdout", "text": "0123456789"}""")));
}
