using System.Diagnostics;
using System.Text;
using NetMQ;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Wire;

namespace Quire.Benchmarks.Messaging;

/// <summary>
/// A peer that floods iopub with COUNT signed <c>stream</c> messages of SIZE bytes of text, encoded and signed
/// before the clock starts so that only the receiver is measured. It publishes probes until the receiver creates
/// READY_FILE (PUB/SUB drops everything sent before a subscription arrives), then the flood, then <c>done</c>.
/// </summary>
internal static class FloodPublisher
{
    public static int Run(string connectionFile, int count, int size, string readyFile)
    {
        var connection = ConnectionFile.ReadAsync(connectionFile).GetAwaiter().GetResult();
        var codec = new WireCodec(MessageSigner.FromKey(connection.Key, connection.SignatureScheme));
        var session = new MessageSession(username: "flood");
        var text = new string('x', size - 1) + "\n";
        var json = MessagingJsonContext.Default;
        var flood = new List<byte[][]>(count);
        for (var i = 0; i < count; i++)
        {
            flood.Add(Frames(codec, session.Create(MessageTypes.Stream, new StreamOutput { Name = "stdout", Text = text }, json.StreamOutput)));
        }

        using var publisher = new PublisherSocket();
        publisher.Options.SendHighWatermark = 10_000_000;
        // Disposal waits (up to 2 minutes) until a slow receiver has taken everything, "done" included.
        publisher.Options.Linger = TimeSpan.FromMinutes(2);
        publisher.Bind(connection.Endpoint(KernelChannel.IOPub));
        var wait = Stopwatch.StartNew();
        while (!File.Exists(readyFile))
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(60))
            {
                Console.Error.WriteLine("no receiver became ready within 60 s");
                return 1;
            }

            Send(publisher, Frames(codec, session.CreateRaw("probe", "{}"u8.ToArray())));
            publisher.Poll(TimeSpan.FromMilliseconds(5));
        }

        foreach (var frames in flood)
        {
            Send(publisher, frames);
        }

        Send(publisher, Frames(codec, session.CreateRaw("done", "{}"u8.ToArray())));

        // Whatever is still queued dies with this process: stay until the receiver says it got "done" (or 5 minutes).
        var finished = readyFile + ".done";
        wait.Restart();
        while (!File.Exists(finished) && wait.Elapsed < TimeSpan.FromMinutes(5))
        {
            publisher.Poll(TimeSpan.FromMilliseconds(10));
        }
        // Wire bytes of one flood message (all frames), for MB/s.
        Console.WriteLine(flood[0].Sum(f => f.Length));
        return 0;
    }

    private static byte[][] Frames(WireCodec codec, JupyterMessage message) =>
        [Encoding.ASCII.GetBytes(message.MsgType), .. codec.Encode(message).Select(f => f.ToArray())];

    private static void Send(PublisherSocket socket, byte[][] frames)
    {
        for (var i = 0; i < frames.Length - 1; i++)
        {
            socket.SendMoreFrame(frames[i]);
        }

        socket.SendFrame(frames[^1]);
    }
}
