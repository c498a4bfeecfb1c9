using System.Diagnostics;
using System.Globalization;
using Quire.Messaging.Client;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.Server;

/// <summary>The kernel's own round trip: Quire's <see cref="KernelClient"/> straight to the kernel's ZeroMQ sockets.</summary>
internal static class ZeroMqExecute
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Connects a second client to a kernel a server started, through the connection file on its command line.</summary>
    public static async Task<KernelClient> ConnectToServerKernelAsync(string kernelId)
    {
        var connection = await ConnectionFile.ReadAsync(FindConnectionFile(kernelId));
        var client = await KernelClient.ConnectAsync(new ZeroMqTransport(), connection);
        await client.KernelInfoAsync(ReplyTimeout);
        return client;
    }

    /// <summary>One <c>1+1</c> (the WebSocket clients' request) from send to <c>execute_reply</c>, in milliseconds.</summary>
    public static async Task<double> TimeAsync(KernelClient client)
    {
        var started = Stopwatch.GetTimestamp();
        var request = client.Session.Create(
            MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1+1", AllowStdin = false }, MessagingJsonContext.Default.ExecuteRequest);
        var reply = await client.RequestAsync(KernelChannel.Shell, request, ReplyTimeout);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = reply.GetContent(MessagingJsonContext.Default.ExecuteReply).Status;
        return status == "ok" ? elapsed : throw new InvalidOperationException($"`1+1` over ZeroMQ answered {status}");
    }

    // Both servers launch `python3 -m ipykernel_launcher -f …/kernel-{id}.json` (their connection files have the
    // same name), so the kernel's process shows where its connection file is.
    private static string FindConnectionFile(string kernelId)
    {
        var name = $"kernel-{kernelId}.json";
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(process, "cmdline")).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (argv.FirstOrDefault(a => a.EndsWith(name, StringComparison.Ordinal) && File.Exists(a)) is { } path)
            {
                return path;
            }
        }

        throw new InvalidOperationException($"no process has the connection file {name} on its command line");
    }
}
