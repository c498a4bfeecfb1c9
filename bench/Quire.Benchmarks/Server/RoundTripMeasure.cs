using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.Server;

/// <summary>
/// <c>1+1</c> executes sent one after another, each timed from send to <c>execute_reply</c>, against one python3 kernel
/// per server and round, over three paths taking turns: the legacy WebSocket protocol, the v1 WebSocket protocol, and
/// ZeroMQ directly to the same kernel process (no WebSocket is open then). Each block starts with untimed executes.
/// </summary>
internal static class RoundTripMeasure
{
    private enum Path
    {
        Legacy,
        V1,
        ZeroMq,
    }

    public static async Task RunAsync(ServerApi api, int executes, int round, ServerFigures figures)
    {
        var kernelId = await api.StartKernelAsync("python3");
        try
        {
            var paths = new[] { Path.ZeroMq, Path.Legacy, Path.V1 };
            for (var i = 0; i < paths.Length; i++)
            {
                switch (paths[(i + round) % paths.Length])
                {
                    case Path.ZeroMq:
                        await ZeroMqAsync(kernelId, executes, figures.ZeroMq);
                        break;
                    case Path.Legacy:
                        await WebSocketAsync(api, kernelId, offerV1: false, executes, figures);
                        break;
                    case Path.V1:
                        await WebSocketAsync(api, kernelId, offerV1: true, executes, figures);
                        break;
                }
            }
        }
        finally
        {
            await api.DeleteKernelAsync(kernelId);
        }
    }

    /// <summary>A python3 kernel started by Quire's kernel manager, no server involved: the kernel's round trip alone.</summary>
    public static async Task KernelAloneAsync(KernelSpec spec, int executes, List<double> latencies)
    {
        await using var manager = new KernelManager(spec, new ZeroMqTransport());
        await manager.StartAsync();
        var client = manager.Client ?? throw new InvalidOperationException("the kernel manager has no client after starting");
        for (var i = 0; i < ServerSettings.WarmUpExecutes + executes; i++)
        {
            var elapsed = await ZeroMqExecute.TimeAsync(client);
            if (i >= ServerSettings.WarmUpExecutes)
            {
                latencies.Add(elapsed);
            }
        }

        await manager.ShutdownAsync();
    }

    private static async Task WebSocketAsync(ServerApi api, string kernelId, bool offerV1, int executes, ServerFigures figures)
    {
        await using var socket = await ChannelsSocket.ConnectAsync(api, kernelId, offerV1);
        if (offerV1 && !socket.UsesV1)
        {
            figures.V1Answer = null;
            return;
        }

        var info = await socket.SendAsync("shell", "kernel_info_request", "{}");
        await socket.WaitForReplyAsync(info, "kernel_info_reply");
        var latencies = offerV1 ? figures.V1 : figures.Legacy;
        for (var i = 0; i < ServerSettings.WarmUpExecutes + executes; i++)
        {
            var elapsed = await socket.TimeExecuteAsync();
            if (i >= ServerSettings.WarmUpExecutes)
            {
                latencies.Add(elapsed);
            }
        }
    }

    private static async Task ZeroMqAsync(string kernelId, int executes, List<double> latencies)
    {
        await using var client = await ZeroMqExecute.ConnectToServerKernelAsync(kernelId);
        for (var i = 0; i < ServerSettings.WarmUpExecutes + executes; i++)
        {
            var elapsed = await ZeroMqExecute.TimeAsync(client);
            if (i >= ServerSettings.WarmUpExecutes)
            {
                latencies.Add(elapsed);
            }
        }
    }
}
