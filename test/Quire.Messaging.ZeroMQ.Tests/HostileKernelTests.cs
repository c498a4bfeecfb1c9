using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;
using Quire.Messaging.ZeroMQ.Tests.Fakes;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>What a kernel sends that it should not: none of it reaches a reader, and the connection keeps working.</summary>
public sealed class HostileKernelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadMessages => ["bad-signature", "missing-signature", "truncated", "no-delimiter", "bad-header"];

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task BadIOPubMessage_IsRejectedAndCounted_AndTheNextGoodOneArrives(string kind)
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);
        var iopub = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);

        var before = client.RejectedCount;
        fake.Publish(Corrupt(fake.StreamFrames("bad"), kind, fake.Codec.Signer));
        var good = fake.StreamFrames("good");
        fake.Publish(good);

        var received = await Wait.NextAsync(iopub, $"the good message after a {kind} one");
        Assert.Equal("good", received.Content.GetProperty("text").GetString());
        Assert.Equal(before + 1, client.RejectedCount);
    }

    [Fact]
    public async Task ReplayedMessage_IsDeliveredOnce()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);
        var iopub = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);
        var before = client.RejectedCount;

        var once = fake.StreamFrames("once");
        fake.Publish(once);
        fake.Publish(once);
        fake.Publish(fake.StreamFrames("after"));

        Assert.Equal("once", (await Wait.NextAsync(iopub, "the first copy")).Content.GetProperty("text").GetString());
        Assert.Equal("after", (await Wait.NextAsync(iopub, "the message after the replay")).Content.GetProperty("text").GetString());
        Assert.Equal(before + 1, client.RejectedCount);
    }

    [Fact]
    public async Task HugeBuffer_IsDeliveredIntact_WithoutALimit()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);
        var iopub = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);

        var huge = new byte[64 << 20];
        Random.Shared.NextBytes(huge);
        fake.Publish(fake.StreamFrames("huge", [huge]));

        var received = await Wait.NextAsync(iopub, "a message with a 64 MB buffer", TimeSpan.FromSeconds(60));
        Assert.True(huge.AsSpan().SequenceEqual(Assert.Single(received.Buffers).Span), "the 64 MB buffer arrived changed");
        Assert.Equal(0, client.RejectedCount);
    }

    [Fact]
    public async Task MessageOverMaxMessageSize_IsRejectedAndCounted_AndTheNextGoodOneArrives()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        var options = new ZeroMqTransportOptions { MaxMessageSize = 1 << 20 };
        await using var client = await new ZeroMqTransport(options: options).ConnectAsync(info, Ct);
        var iopub = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);
        var before = client.RejectedCount;

        // Each frame is under the limit, so ZeroMQ passes them; together they are over it.
        var part = new byte[512 << 10];
        fake.Publish(fake.StreamFrames("too big", [part, part, part, part]));
        fake.Publish(fake.StreamFrames("small", [part]));

        var received = await Wait.NextAsync(iopub, "the message under the limit");
        Assert.Equal("small", received.Content.GetProperty("text").GetString());
        Assert.Equal(before + 1, client.RejectedCount);
    }

    [Fact]
    public async Task FrameOverMaxMessageSize_IsNeverDelivered_AndTheConnectionRecovers()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        var options = new ZeroMqTransportOptions { MaxMessageSize = 1 << 20 };
        await using var client = await new ZeroMqTransport(options: options).ConnectAsync(info, Ct);
        var iopub = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);

        // ZeroMQ refuses the frame before allocating it and drops the connection; the SUB reconnects and resubscribes.
        fake.Publish(fake.StreamFrames("huge", [new byte[4 << 20]]));
        await Probe.UntilReceivedAsync(fake.PublishProbeAsync, iopub);
        fake.Publish(fake.StreamFrames("after"));

        var received = await Wait.NextAsync(iopub, "a good message after the oversized frame");
        Assert.Equal("after", received.Content.GetProperty("text").GetString());
    }

    [Fact]
    public async Task BadShellReply_IsRejected_AndTheGoodReplyArrives()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);
        var session = new MessageSession();

        await client.SendAsync(KernelChannel.Shell, session.CreateRaw("kernel_info_request", "{}"u8.ToArray()), Ct);
        var request = fake.ReceiveShell(Wait.Long);
        fake.SendShell(Corrupt(fake.ReplyFrames(request), "bad-signature", fake.Codec.Signer));
        fake.SendShell(fake.ReplyFrames(request));

        var reply = await Wait.NextAsync(client.Reader(KernelChannel.Shell), "the correctly signed kernel_info_reply");
        Assert.Equal("kernel_info_reply", reply.MsgType);
        Assert.Equal(1, client.RejectedCount);
    }

    [Fact]
    public async Task KernelThatNeverAnswers_DeliversNothing()
    {
        var info = ConnectionFile.Create("fake");
        using var fake = new WireFakeKernel(info);
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);

        await client.SendAsync(KernelChannel.Shell, new MessageSession().CreateRaw("execute_request", """{"code":"1"}"""u8.ToArray()), Ct);
        fake.ReceiveShell(Wait.Long);

        await Wait.NothingAsync(client.Reader(KernelChannel.Shell), TimeSpan.FromMilliseconds(300), "the kernel never replies");
        Assert.Equal(0, client.RejectedCount);
    }

    [Fact]
    public async Task KernelDyingMidReply_DeliversNoPart_AndTheClientWorksWithTheNextKernel()
    {
        var info = ConnectionFile.Create("fake");
        await using var client = await new ZeroMqTransport().ConnectAsync(info, Ct);
        var session = new MessageSession();
        var shell = client.Reader(KernelChannel.Shell);
        using (var dying = new WireFakeKernel(info))
        {
            await client.SendAsync(KernelChannel.Shell, session.CreateRaw("kernel_info_request", "{}"u8.ToArray()), Ct);
            var reply = dying.ReplyFrames(dying.ReceiveShell(Wait.Long));
            dying.SendPartialAndDie(reply, 4);
        }

        await Wait.NothingAsync(shell, TimeSpan.FromMilliseconds(200), "a kernel that died mid-reply sent no whole message");
        using var next = new WireFakeKernel(info);
        await client.SendAsync(KernelChannel.Shell, session.CreateRaw("kernel_info_request", "{}"u8.ToArray()), Ct);
        var request = await Task.Run(() => next.ReceiveShell(Wait.Long), Ct);
        next.SendShell(next.ReplyFrames(request));

        var received = await Wait.NextAsync(shell, "a reply from the restarted kernel");
        Assert.Equal("kernel_info_reply", received.MsgType);
        Assert.Equal(0, client.RejectedCount);
    }

    /// <summary>Spoils a signed message's frames (routing identity or topic first, then <c>&lt;IDS|MSG&gt;</c>).</summary>
    private static byte[][] Corrupt(byte[][] frames, string kind, MessageSigner signer) => kind switch
    {
        "bad-signature" => Replace(frames, 2, [.. frames[2].Select(_ => (byte)'0')]),
        "missing-signature" => Replace(frames, 2, []),
        "truncated" => frames[..6],
        "no-delimiter" => [.. frames.Where((_, i) => i != 1)],
        "bad-header" => BadHeader(frames, signer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown corruption"),
    };

    /// <summary>A header that is not one, correctly signed, so that only the parse can refuse it.</summary>
    private static byte[][] BadHeader(byte[][] frames, MessageSigner signer)
    {
        var header = """{"msg_id": 5}"""u8.ToArray();
        var spoiled = Replace(frames, 3, header);
        spoiled[2] = signer.Sign(header, frames[4], frames[5], frames[6]);
        return spoiled;
    }

    private static byte[][] Replace(byte[][] frames, int index, byte[] frame)
    {
        var copy = (byte[][])frames.Clone();
        copy[index] = frame;
        return copy;
    }
}
