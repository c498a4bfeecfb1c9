using System.Diagnostics;
using System.Text.Json;
using Quire.Messaging.Client;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.Messaging;

/// <summary>
/// COUNT executes of <c>pass</c> against a running kernel, each timed from send to <c>execute_reply</c> (what
/// jupyter_client's <c>execute(..., reply=True)</c> waits for). Prints the latencies in seconds as JSON.
/// </summary>
internal static class RoundTripBenchmark
{
    public static async Task<int> RunAsync(string connectionFile, int count)
    {
        var connection = await ConnectionFile.ReadAsync(connectionFile);
        await using var client = await KernelClient.ConnectAsync(new ZeroMqTransport(), connection);
        await client.KernelInfoAsync(TimeSpan.FromSeconds(30));
        var json = MessagingJsonContext.Default;
        var latencies = new List<double>(count);
        for (var i = 0; i < count + 50; i++)
        {
            var request = client.Session.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "pass" }, json.ExecuteRequest);
            var watch = Stopwatch.StartNew();
            await client.RequestAsync(KernelChannel.Shell, request, TimeSpan.FromSeconds(30));
            if (i >= 50)
            {
                // The first 50 warm up the JIT and both sides' sockets.
                latencies.Add(watch.Elapsed.TotalSeconds);
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(latencies));
        return 0;
    }
}
