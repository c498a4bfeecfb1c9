using System.Diagnostics;
using System.Net.WebSockets;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>The receiving side of the test client: everything kept, waits on what arrives.</summary>
internal sealed partial class KernelWebSocket
{
    /// <summary>Waits for the execute_reply and the idle status of request <paramref name="msgId"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForExecutionAsync(string msgId, TimeSpan timeout)
    {
        await WaitForAsync(m => m.ParentMsgId == msgId && m.Channel == "shell" && m.MsgType == "execute_reply", timeout, $"the execute_reply to {msgId}");
        await WaitForAsync(m => m.ParentMsgId == msgId && m.IsStatus("idle"), timeout, $"the idle status after {msgId}");
        return [.. Received.Where(m => m.ParentMsgId == msgId)];
    }

    /// <summary>The first message (received so far or later) that matches; a timeout lists what did arrive.</summary>
    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> predicate, TimeSpan timeout, string expectation)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_received.Find(m => predicate(m)) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero || _receiver.IsCompleted)
            {
                throw new TimeoutException(
                    $"within {timeout.TotalSeconds:0} s the kernel WebSocket (session {SessionId}) was expected to deliver {expectation}" +
                    (_receiver.IsCompleted ? $"; it was closed ({CloseStatus} {CloseDescription})" : string.Empty) +
                    $"; it delivered:\n{string.Join("\n", Received)}");
            }

            try
            {
                await Task.WhenAny(changed, _receiver).WaitAsync(remaining, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked (and reported with what arrived) at the top of the loop.
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        if (_socket.State == WebSocketState.CloseReceived)
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "answering the server's close", CancellationToken.None);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var data = message.ToArray();
                var received = UsesV1 ? TestFrames.DecodeV1(data) : TestFrames.DecodeLegacy(data, result.MessageType == WebSocketMessageType.Text);
                lock (_lock)
                {
                    _received.Add(received);
                    var changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed.TrySetResult();
                }
            }
        }
        catch (WebSocketException)
        {
            // The connection broke; Closed completes and waiters stop waiting.
        }
    }
}
