using System.Text;
using NetMQ;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>
/// The kernel's stdin ROUTER waits for a client that is still connecting instead of dropping its input_request: the
/// client's stdin connects after its shell, and a kernel may ask for input as soon as the execute_request arrives.
/// </summary>
public sealed class UnroutableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InputRequest_ToAStdinNotYetConnected_ArrivesOnceItConnects()
    {
        var info = ConnectionFile.Create("test");
        await using var kernel = await new ZeroMqTransport().BindAsync(info, Ct);
        var session = new MessageSession();
        var identity = Encoding.ASCII.GetBytes("late-client");

        // Sent while no client is connected at all: a plain ROUTER would drop it at once.
        await kernel.SendAsync(KernelChannel.Stdin, session.CreateRaw("input_request", """{"prompt":"? ","password":false}"""u8.ToArray()).WithIdentities([identity]), Ct);

        using var stdin = new DealerSocket();
        stdin.Options.Identity = identity;
        stdin.Connect(info.Endpoint(KernelChannel.Stdin));
        var frames = new List<byte[]>();
        Assert.True(stdin.TryReceiveMultipartBytes(TimeSpan.FromSeconds(10), ref frames!),
            "expected the input_request sent before the client connected to arrive within 10 s of its connecting");
        Assert.Contains(frames, f => Encoding.UTF8.GetString(f).Contains("\"input_request\"", StringComparison.Ordinal));
    }
}
