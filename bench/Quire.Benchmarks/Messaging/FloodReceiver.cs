using System.Diagnostics;
using System.Text.Json;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.Messaging;

/// <summary>
/// Receives a flood through Quire's client transport: every message is verified (HMAC, replay history) and
/// decoded, and its content parsed as jupyter_client's Session does. Prints messages, bytes and seconds as JSON.
/// </summary>
internal static class FloodReceiver
{
    public static async Task<int> RunAsync(string connectionFile, int count, string readyFile)
    {
        var connection = await ConnectionFile.ReadAsync(connectionFile);
        var transport = new ZeroMqTransport(options: new ZeroMqTransportOptions { ReceiveHighWatermark = 10_000_000, ReplayHistory = count + 1024 });
        await using var channels = await transport.ConnectAsync(connection);
        var reader = channels.Reader(KernelChannel.IOPub);
        long received = 0, bytes = 0;
        Stopwatch? watch = null;
        // A receiver that hears nothing for 20 s reports what it got rather than hanging the benchmark.
        while (await WaitAsync(reader))
        {
            while (reader.TryRead(out var message))
            {
                switch (message.MsgType)
                {
                    case "probe":
                        if (!File.Exists(readyFile))
                        {
                            await File.WriteAllTextAsync(readyFile, "ready");
                        }

                        break;
                    case "done":
                        await File.WriteAllTextAsync(readyFile + ".done", "done");
                        var seconds = watch?.Elapsed.TotalSeconds ?? 0;
                        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
                        {
                            ["messages"] = received, ["bytes"] = bytes, ["seconds"] = seconds, ["rejected"] = channels.RejectedCount,
                        }));
                        return received == count ? 0 : 1;
                    default:
                        watch ??= Stopwatch.StartNew();
                        _ = message.Content.GetProperty("text").GetString();
                        received++;
                        bytes += message.ContentJson.Length;
                        break;
                }
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["messages"] = received, ["bytes"] = bytes, ["seconds"] = watch?.Elapsed.TotalSeconds ?? 0, ["rejected"] = channels.RejectedCount, ["stalled"] = 1,
        }));
        return 1;
    }

    private static async Task<bool> WaitAsync(System.Threading.Channels.ChannelReader<JupyterMessage> reader)
    {
        try
        {
            return await reader.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
