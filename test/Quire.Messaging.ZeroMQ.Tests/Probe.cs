using System.Threading.Channels;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>
/// PUB/SUB's slow joiner: a SUB's subscription reaches the PUB some time after it connects, and until then the PUB
/// drops everything. Publishing probes until one arrives tells when the subscription is in effect, without sleeping.
/// </summary>
internal static class Probe
{
    public const string MsgType = "quire_probe";

    public static async Task UntilReceivedAsync(Func<ValueTask> publishProbe, ChannelReader<JupyterMessage> reader, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Wait.Long;
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        overall.CancelAfter(limit);
        while (!overall.IsCancellationRequested)
        {
            await publishProbe();
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
            attempt.CancelAfter(TimeSpan.FromMilliseconds(50));
            try
            {
                while (await reader.WaitToReadAsync(attempt.Token))
                {
                    if (reader.TryRead(out var message) && message.MsgType == MsgType)
                    {
                        return;
                    }
                }

                throw new InvalidOperationException("iopub reader completed while waiting for a subscription probe");
            }
            catch (OperationCanceledException) when (!overall.IsCancellationRequested)
            {
                // No probe yet: the subscription is still on its way; publish another.
            }
        }

        throw new TimeoutException($"expected an iopub subscription to take effect (a probe to arrive) within {limit}");
    }
}
