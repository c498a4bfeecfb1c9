using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NetMQ;
using NetMQ.Sockets;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Wire;

namespace Quire.Benchmarks.Messaging;

/// <summary>
/// A peer that floods iopub with COUNT signed <c>stream</c> messages of SIZE bytes of text, encoded and signed before
/// the clock starts so that only the receiver is measured, after probes (PUB/SUB drops everything sent before a
/// subscription arrives) and a warm-up: see <see cref="FloodProtocol"/>. Prints the wire size of one message.
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

        // Answers left over from an earlier run would be taken for this receiver's.
        foreach (var suffix in (string[])[".round", ".warm", ".done"])
        {
            File.Delete(readyFile + suffix);
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

            Send(publisher, Frames(codec, session.CreateRaw(FloodProtocol.Probe, "{}"u8.ToArray())));
            publisher.Poll(TimeSpan.FromMilliseconds(5));
        }

        if (!WarmUp(publisher, codec, session, text, readyFile))
        {
            return 1;
        }

        Send(publisher, Frames(codec, session.CreateRaw(FloodProtocol.Start, "{}"u8.ToArray())));
        foreach (var frames in flood)
        {
            Send(publisher, frames);
        }

        Send(publisher, Frames(codec, session.CreateRaw(FloodProtocol.Done, "{}"u8.ToArray())));

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

    /// <summary>Rounds of fresh messages (a repeated signature would be refused as a replay) until the receiver is warm.</summary>
    private static bool WarmUp(PublisherSocket publisher, WireCodec codec, MessageSession session, string text, string readyFile)
    {
        var warm = readyFile + ".warm";
        var answered = readyFile + ".round";
        var content = JsonSerializer.SerializeToUtf8Bytes(new StreamOutput { Name = "stdout", Text = text }, MessagingJsonContext.Default.StreamOutput);
        for (var round = 0; !File.Exists(warm); round++)
        {
            if (round == FloodProtocol.MaxRounds)
            {
                Console.Error.WriteLine($"the receiver was not warm after {round} rounds; timing it anyway");
                return true;
            }

            File.Delete(answered);
            for (var i = 0; i < FloodProtocol.RoundSize; i++)
            {
                Send(publisher, Frames(codec, session.CreateRaw(MessageTypes.Stream, content)));
            }

            Send(publisher, Frames(codec, session.CreateRaw(FloodProtocol.Round, "{}"u8.ToArray())));
            var wait = Stopwatch.StartNew();
            while (!File.Exists(answered) && !File.Exists(warm))
            {
                if (wait.Elapsed > TimeSpan.FromMinutes(2))
                {
                    Console.Error.WriteLine($"the receiver did not answer warm-up round {round} within 2 minutes");
                    return false;
                }

                publisher.Poll(TimeSpan.FromMilliseconds(1));
            }
        }

        return true;
    }

    private static byte[][] Frames(WireCodec codec, JupyterMessage message) =>
        [Encoding.ASCII.GetBytes(message.MsgType), .. codec.Encode(message).Select(f => f.ToArray())];

    /// <summary>
    /// Sends straight from the prepared arrays: NetMQ's SendFrame would copy each frame into a fresh buffer, and the
    /// backlog a slow receiver leaves here would then be young garbage to collect, slowing the peer, not the receiver.
    /// </summary>
    private static void Send(PublisherSocket socket, byte[][] frames)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            var msg = default(Msg);
            msg.InitGC(frames[i], 0, frames[i].Length);
            socket.Send(ref msg, more: i < frames.Length - 1);
            msg.Close();
        }
    }
}
