using System.Diagnostics;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// One fresh launch, timed as the issue asks: from starting the kernelspec's process (Quire's local provisioner, as
/// the kernel manager starts it) to the first <c>kernel_info_reply</c>, and to the <c>execute_reply</c> of a
/// <c>1+1</c> sent right after it. The kernel manager's own readiness wait (iopub joined, stdin connected, retried
/// every 2 s) is left out: it measures the client's handshake, not the kernel.
/// </summary>
internal static class LaunchProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<(double KernelInfo, double FirstExecute)> RunAsync(KernelSpec spec)
    {
        var provisioner = KernelProvisionerFactory.CreateDefault().Create(spec);
        await using (provisioner)
        {
            var watch = Stopwatch.StartNew();
            var connection = await provisioner.LaunchAsync(new KernelLaunchRequest { Spec = spec, KernelId = Guid.NewGuid().ToString() });
            var client = await KernelClient.ConnectAsync(new ZeroMqTransport(), connection);
            await using (client)
            {
                // Sent before the kernel has bound its sockets: the connection queues it until the kernel takes it.
                await client.KernelInfoAsync(Timeout);
                var kernelInfo = watch.Elapsed.TotalMilliseconds;
                var request = client.Session.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1+1" }, MessagingJsonContext.Default.ExecuteRequest);
                var reply = (await client.RequestAsync(KernelChannel.Shell, request, Timeout)).GetContent(MessagingJsonContext.Default.ExecuteReply);
                var firstExecute = watch.Elapsed.TotalMilliseconds;
                if (!reply.IsOk)
                {
                    throw new InvalidOperationException($"{spec.Name} failed its first 1+1: {reply.Ename}: {reply.Evalue}");
                }

                await provisioner.KillAsync();
                return (kernelInfo, firstExecute);
            }
        }
    }
}
