using System.Text;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ.Tests;

public sealed class RoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("tcp")]
    [InlineData("ipc")]
    public async Task ShellRequest_ReachesKernelWithIdentity_AndReplyComesBack(string transport)
    {
        await using var pair = await Pair.OpenAsync(transport);
        var request = pair.ClientSession.CreateRaw("kernel_info_request", "{}"u8.ToArray());

        await pair.Client.SendAsync(KernelChannel.Shell, request, Ct);
        var received = await Wait.NextAsync(pair.Kernel.Reader(KernelChannel.Shell), "kernel_info_request on the kernel's shell");
        Assert.Equal(request.MsgId, received.MsgId);
        Assert.Single(received.Identities);

        var reply = pair.KernelSession.CreateRaw("kernel_info_reply", """{"status":"ok"}"""u8.ToArray(), parent: received)
            .WithIdentities(received.Identities);
        await pair.Kernel.SendAsync(KernelChannel.Shell, reply, Ct);
        var answer = await Wait.NextAsync(pair.Client.Reader(KernelChannel.Shell), "kernel_info_reply on the client's shell");

        Assert.Equal("kernel_info_reply", answer.MsgType);
        Assert.Equal(request.MsgId, answer.ParentMsgId);
        Assert.Equal("ok", answer.Content.GetProperty("status").GetString());
        Assert.Equal(0, pair.Client.RejectedCount);
        Assert.Equal(0, pair.Kernel.RejectedCount);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("ipc")]
    public async Task InputRequest_GoesToTheClientThatMadeTheShellRequest(string transport)
    {
        await using var pair = await Pair.OpenAsync(transport);
        Assert.True(await pair.Client.WaitConnectedAsync(TimeSpan.FromSeconds(30), Ct), "the client's shell, control and stdin did not connect within 30 s");
        await pair.Client.SendAsync(KernelChannel.Shell, pair.ClientSession.CreateRaw("execute_request", """{"code":"input()"}"""u8.ToArray()), Ct);
        var execute = await Wait.NextAsync(pair.Kernel.Reader(KernelChannel.Shell), "execute_request on the kernel's shell");

        // The stdin ROUTER routes by the shell request's identity: the client's stdin DEALER must share it.
        var inputRequest = pair.KernelSession.CreateRaw("input_request", """{"prompt":"? ","password":false}"""u8.ToArray(), parent: execute)
            .WithIdentities(execute.Identities);
        await pair.Kernel.SendAsync(KernelChannel.Stdin, inputRequest, Ct);
        var asked = await Wait.NextAsync(pair.Client.Reader(KernelChannel.Stdin), "input_request on the client's stdin");
        Assert.Equal(execute.MsgId, asked.ParentMsgId);

        await pair.Client.SendAsync(KernelChannel.Stdin, pair.ClientSession.CreateRaw("input_reply", """{"value":"42"}"""u8.ToArray(), parent: asked), Ct);
        var answered = await Wait.NextAsync(pair.Kernel.Reader(KernelChannel.Stdin), "input_reply on the kernel's stdin");
        Assert.Equal("42", answered.Content.GetProperty("value").GetString());
        Assert.Equal(execute.Identities[0].ToArray(), answered.Identities[0].ToArray());
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("ipc")]
    public async Task ControlRequest_RoundTrips(string transport)
    {
        await using var pair = await Pair.OpenAsync(transport);
        await pair.Client.SendAsync(KernelChannel.Control, pair.ClientSession.CreateRaw("interrupt_request", "{}"u8.ToArray()), Ct);
        var request = await Wait.NextAsync(pair.Kernel.Reader(KernelChannel.Control), "interrupt_request on the kernel's control");

        await pair.Kernel.SendAsync(KernelChannel.Control,
            pair.KernelSession.CreateRaw("interrupt_reply", """{"status":"ok"}"""u8.ToArray(), parent: request).WithIdentities(request.Identities), Ct);
        var reply = await Wait.NextAsync(pair.Client.Reader(KernelChannel.Control), "interrupt_reply on the client's control");

        Assert.Equal(request.MsgId, reply.ParentMsgId);
        Assert.False(pair.Client.Reader(KernelChannel.Shell).TryRead(out _), "a control reply must not arrive on shell");
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("ipc")]
    public async Task IOPubMessage_ReachesSubscriber_WithTopicAndBuffers(string transport)
    {
        await using var pair = await Pair.OpenAsync(transport);
        await pair.SubscribedAsync();
        byte[] buffer = [0, 1, 2, 255];

        var stream = pair.KernelSession.CreateRaw("stream", """{"name":"stdout","text":"hi\n"}"""u8.ToArray(), buffers: [buffer]);
        await pair.Kernel.SendAsync(KernelChannel.IOPub, stream, Ct);
        var received = await Wait.NextAsync(pair.Client.Reader(KernelChannel.IOPub), "a stream message on iopub");

        Assert.Equal(stream.MsgId, received.MsgId);
        Assert.Equal("hi\n", received.Content.GetProperty("text").GetString());
        Assert.Equal(buffer, Assert.Single(received.Buffers).ToArray());
        Assert.Equal($"kernel.{pair.KernelSession.SessionId}.stream", Encoding.UTF8.GetString(Assert.Single(received.Identities).Span));
    }

    [Fact]
    public async Task IOPubBurst_ManyBatchesLong_ArrivesWholeAndInOrder_ThroughATinyReceiveHighWatermark()
    {
        // A SUB socket at its mark stops reading and the publisher keeps the rest (up to its own mark): nothing is
        // dropped, and the connection's thread hands the messages over in batches without reordering them.
        const int Count = 3_000;
        var options = new ZeroMqTransportOptions { ReceiveHighWatermark = 10, SendHighWatermark = Count * 2 };
        await using var pair = await Pair.OpenAsync(options: options);
        await pair.SubscribedAsync();
        var sent = new List<string>(Count);

        for (var i = 0; i < Count; i++)
        {
            var stream = pair.KernelSession.CreateRaw("stream", Encoding.UTF8.GetBytes($$"""{"name":"stdout","text":"{{i}}\n"}"""));
            sent.Add(stream.MsgId);
            await pair.Kernel.SendAsync(KernelChannel.IOPub, stream, Ct);
        }

        var reader = pair.Client.Reader(KernelChannel.IOPub);
        for (var i = 0; i < Count; i++)
        {
            var received = await Wait.NextAsync(reader, $"stream message {i} of {Count}");
            Assert.Equal(sent[i], received.MsgId);
            Assert.Equal($"{i}\n", received.Content.GetProperty("text").GetString());
        }

        Assert.Equal(0, pair.Client.RejectedCount);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("ipc")]
    public async Task Ping_IsEchoed_AndFailsOnceTheKernelSideIsGone(string transport)
    {
        await using var pair = await Pair.OpenAsync(transport);

        Assert.True(await pair.Client.PingAsync(Wait.Long, Ct), "expected the kernel side to echo a heartbeat");
        Assert.True(await pair.Client.PingAsync(Wait.Long, Ct), "expected a second heartbeat to be echoed too");

        await pair.Kernel.DisposeAsync();
        Assert.False(await pair.Client.PingAsync(TimeSpan.FromMilliseconds(300), Ct), "expected no echo from a disposed kernel side");
    }

    [Fact]
    public async Task Send_OnChannelsThisSideDoesNotSend_IsRefused()
    {
        await using var pair = await Pair.OpenAsync();
        var message = pair.ClientSession.CreateRaw("stream", "{}"u8.ToArray());

        await Assert.ThrowsAsync<ArgumentException>(async () => await pair.Client.SendAsync(KernelChannel.IOPub, message, Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await pair.Kernel.SendAsync(KernelChannel.Heartbeat, message, Ct));
        Assert.Throws<ArgumentException>(() => pair.Kernel.Reader(KernelChannel.IOPub));
    }

    [Fact]
    public async Task WaitConnected_IsFalseWhileNoKernelListens_AndTrueOnceOneDoes()
    {
        var transport = new ZeroMqTransport();
        var info = Quire.Messaging.Connection.ConnectionFile.Create("test", "tcp");
        await using var client = await transport.ConnectAsync(info, Ct);

        Assert.False(await client.WaitConnectedAsync(TimeSpan.FromMilliseconds(200), Ct), "connected although no kernel listens");

        await using var kernel = await transport.BindAsync(info, Ct);
        Assert.True(await client.WaitConnectedAsync(TimeSpan.FromSeconds(30), Ct), "shell, control and stdin did not connect within 30 s of the kernel binding");
    }
}
