using System.Threading.Channels;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>Bounded waits whose failures say what was expected.</summary>
internal static class Wait
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    /// <summary>The next message that is not a subscription probe.</summary>
    public static async Task<JupyterMessage> NextAsync(ChannelReader<JupyterMessage> reader, string expected, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? Long);
        try
        {
            while (true)
            {
                var message = await reader.ReadAsync(cts.Token);
                if (message.MsgType != Probe.MsgType)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"expected {expected} within {timeout ?? Long}");
        }
    }

    /// <summary>Asserts that nothing but probes arrives within <paramref name="window"/>.</summary>
    public static async Task NothingAsync(ChannelReader<JupyterMessage> reader, TimeSpan window, string because)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(window);
        try
        {
            while (true)
            {
                var message = await reader.ReadAsync(cts.Token);
                Assert.True(message.MsgType == Probe.MsgType, $"expected no message ({because}) but got {message.MsgType}");
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // The window passed with nothing delivered: what the test expects.
        }
    }

    public static async Task<T> ForAsync<T>(Task<T> task, string expected, TimeSpan? timeout = null)
    {
        try
        {
            return await task.WaitAsync(timeout ?? Long, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"expected {expected} within {timeout ?? Long}", ex);
        }
    }
}
