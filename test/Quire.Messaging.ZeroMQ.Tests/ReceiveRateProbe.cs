using System.Diagnostics;
using NetMQ;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>
/// A quick local measure of the iopub receive path (verified, signed ~200-byte stream messages), run by hand:
/// <c>dotnet test --filter ReceiveRate -- xunit.explicit=on</c>. The benchmark in bench/ compares with jupyter_client.
/// </summary>
public sealed class ReceiveRateProbe(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task ReceiveRate_SignedStreamMessages()
    {
        const int count = 200_000;
        var info = ConnectionFile.Create("rate");
        var codec = new WireCodec(MessageSigner.FromKey(info.Key, info.SignatureScheme));
        var session = new MessageSession();
        var content = """{"name":"stdout","text":"0123456789012345678901234567890123456789012345678901234567890123456789"}"""u8.ToArray();
        var frames = Enumerable.Range(0, count)
            .Select(_ => codec.Encode(session.CreateRaw("stream", content).WithIdentities(["kernel.x.stream"u8.ToArray()]))
                .Select(f => f.ToArray()).ToArray())
            .ToArray();
        output.WriteLine($"content {content.Length} bytes, header {frames[0][3].Length} bytes");

        using var pub = new PublisherSocket();
        pub.Options.SendHighWatermark = 0;
        pub.Bind(info.Endpoint(KernelChannel.IOPub));
        var options = new ZeroMqTransportOptions { ReceiveHighWatermark = 0 };
        await using var client = await new ZeroMqTransport(options: options).ConnectAsync(info, TestContext.Current.CancellationToken);
        var reader = client.Reader(KernelChannel.IOPub);
        await Probe.UntilReceivedAsync(() =>
        {
            pub.SendMultipartBytes(codec.Encode(session.CreateRaw(Probe.MsgType, "{}"u8.ToArray()).WithIdentities(["p"u8.ToArray()]))
                .Select(f => f.ToArray()));
            return ValueTask.CompletedTask;
        }, reader);

        var sender = Task.Run(() =>
        {
            foreach (var message in frames)
            {
                pub.SendMultipartBytes(message);
            }
        }, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        var received = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (received < count && await reader.WaitToReadAsync(timeout.Token))
        {
            while (reader.TryRead(out var message))
            {
                received += message.MsgType == "stream" ? 1 : 0;
            }
        }

        clock.Stop();
        await sender;
        output.WriteLine($"{count} messages in {clock.Elapsed.TotalSeconds:F2} s: {count / clock.Elapsed.TotalSeconds:N0} msg/s, rejected {client.RejectedCount}");
        Assert.Equal(0, client.RejectedCount);
    }
}
