using System.Diagnostics;
using System.Text.Json;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.Messaging;

/// <summary>
/// Receives a flood through Quire's client transport: every message is verified (HMAC, replay history) and
/// decoded, and its content parsed as jupyter_client's Session does. Prints, as JSON, the timed part's messages,
/// bytes, seconds and CPU seconds (all threads: NetMQ's I/O thread, the connection's thread, this reader), with the
/// garbage collector's and the JIT's shares, and the warm-up: its first round's messages and seconds (the cold figure),
/// its messages and rounds.
/// </summary>
internal static class FloodReceiver
{
    public static async Task<int> RunAsync(string connectionFile, int count, string readyFile)
    {
        var connection = await ConnectionFile.ReadAsync(connectionFile);
        // The default receive high-water mark, as jc_receive.py keeps libzmq's: a SUB socket at its mark stops reading
        // from TCP (it does not drop), so a backlog waits in the kernel's socket buffers and the publisher, whose own
        // mark is large enough to drop nothing.
        // Room for every signature of the minimum warm-up and the timed part; a longer warm-up makes it evict (as a
        // long-running client always does), which jc_receive.py never does: if anything, a handicap for Quire.
        var options = new ZeroMqTransportOptions { ReplayHistory = FloodProtocol.MinWarmUp(count) + count + 1024 };
        await using var channels = await new ZeroMqTransport(options: options).ConnectAsync(connection);
        var reader = channels.Reader(KernelChannel.IOPub);
        var timed = false;
        var cold = new Stopwatch();
        var timedPart = new Stopwatch();
        var atStart = default(Snapshot);
        long coldReceived = 0, warmUpReceived = 0, rounds = 0, received = 0, bytes = 0, compiledAtLastRound = -1, quietRounds = 0;
        using var stalled = new CancellationTokenSource();
        while (true)
        {
            // A receiver that hears nothing for 20 s reports what it got rather than hanging the benchmark.
            stalled.CancelAfter(TimeSpan.FromSeconds(20));
            if (!await WaitAsync(reader, stalled.Token))
            {
                break;
            }

            while (reader.TryRead(out var message))
            {
                switch (message.MsgType)
                {
                    case FloodProtocol.Probe:
                        if (!File.Exists(readyFile))
                        {
                            await File.WriteAllTextAsync(readyFile, "ready");
                        }

                        break;
                    case FloodProtocol.Round:
                        cold.Stop();
                        rounds++;
                        // Warm once whole rounds went by without the JIT compiling anything: on a busy machine its
                        // background thread can starve through one.
                        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                        quietRounds = compiled == compiledAtLastRound ? quietRounds + 1 : 0;
                        compiledAtLastRound = compiled;
                        var warm = warmUpReceived >= FloodProtocol.MinWarmUp(count) && quietRounds >= FloodProtocol.QuietRounds;
                        await File.WriteAllTextAsync(readyFile + (warm ? ".warm" : ".round"), warm ? "warm" : "again");
                        break;
                    case FloodProtocol.Start:
                        timed = true;
                        atStart = Snapshot.Take();
                        timedPart.Start();
                        break;
                    case FloodProtocol.Done:
                        timedPart.Stop();
                        var report = Report(received, bytes, timedPart, atStart, new WarmUp(coldReceived, cold.Elapsed, warmUpReceived, rounds), channels.RejectedCount);
                        await File.WriteAllTextAsync(readyFile + ".done", "done");
                        Console.WriteLine(JsonSerializer.Serialize(report));
                        return received == count ? 0 : 1;
                    default:
                        _ = message.Content.GetProperty("text").GetString();
                        if (timed)
                        {
                            received++;
                            bytes += message.ContentJson.Length;
                        }
                        else
                        {
                            // The first round, from its first message to its end, is the cold figure.
                            if (rounds == 0)
                            {
                                cold.Start();
                                coldReceived++;
                            }

                            warmUpReceived++;
                        }

                        break;
                }
            }
        }

        var stall = Report(received, bytes, timedPart, atStart, new WarmUp(coldReceived, cold.Elapsed, warmUpReceived, rounds), channels.RejectedCount);
        stall["stalled"] = 1;
        Console.WriteLine(JsonSerializer.Serialize(stall));
        return 1;
    }

    private static async Task<bool> WaitAsync(System.Threading.Channels.ChannelReader<JupyterMessage> reader, CancellationToken stalled)
    {
        try
        {
            return await reader.WaitToReadAsync(stalled);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Dictionary<string, double> Report(
        long received, long bytes, Stopwatch timed, Snapshot atStart, WarmUp warmUp, long rejected)
    {
        var now = Snapshot.Take();
        return new Dictionary<string, double>
        {
            ["messages"] = received,
            ["bytes"] = bytes,
            ["seconds"] = timed.Elapsed.TotalSeconds,
            ["cpu_seconds"] = (now.Cpu - atStart.Cpu).TotalSeconds,
            ["allocated_per_message"] = (now.Allocated - atStart.Allocated) / (double)Math.Max(received, 1),
            ["gc_pause_seconds"] = (now.GcPause - atStart.GcPause).TotalSeconds,
            ["gen0"] = now.Gen0 - atStart.Gen0,
            ["gen1"] = now.Gen1 - atStart.Gen1,
            ["gen2"] = now.Gen2 - atStart.Gen2,
            ["jit_methods"] = now.JitMethods - atStart.JitMethods,
            ["jit_seconds"] = (now.JitTime - atStart.JitTime).TotalSeconds,
            ["cold_messages"] = warmUp.ColdMessages,
            ["cold_seconds"] = warmUp.ColdTime.TotalSeconds,
            ["warmup_messages"] = warmUp.Messages,
            ["warmup_rounds"] = warmUp.Rounds,
            ["rejected"] = rejected,
        };
    }

    private readonly record struct WarmUp(long ColdMessages, TimeSpan ColdTime, long Messages, long Rounds);

    private readonly record struct Snapshot(TimeSpan Cpu, long Allocated, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long JitMethods, TimeSpan JitTime)
    {
        public static Snapshot Take() => new(
            Process.GetCurrentProcess().TotalProcessorTime,
            GC.GetTotalAllocatedBytes(),
            GC.GetTotalPauseDuration(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime());
    }
}
