using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;

namespace Quire.Benchmarks.Server;

/// <summary>
/// A client of <c>/api/kernels/{id}/channels</c> (the same <see cref="ClientWebSocket"/> code for both servers), in the
/// legacy JSON protocol or, when offered and chosen by the server, the v1 binary protocol. Reads inline: the benchmark
/// sends one request and reads until its reply, so no receive loop stands between the socket and the clock.
/// </summary>
internal sealed class ChannelsSocket : IAsyncDisposable
{
    public const string V1Protocol = "v1.kernel.websocket.jupyter.org";

    public const string ExecuteOnePlusOne =
        """{"code": "1+1", "silent": false, "store_history": true, "user_expressions": {}, "allow_stdin": false, "stop_on_error": true}""";

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    // jupyter_server 1.23 asks the kernel for kernel_info before it accepts the upgrade and, when no reply comes, goes
    // on after its kernel_info_timeout (60 s): wait past that, so that such a stall is measured, not a failure.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(150);

    private readonly ClientWebSocket _socket;
    private readonly string _session;
    private readonly string _label;
    private readonly ArrayBufferWriter<byte> _incoming = new(64 * 1024);

    private ChannelsSocket(ClientWebSocket socket, string session, string label)
    {
        _socket = socket;
        _session = session;
        _label = label;
    }

    public bool UsesV1 => _socket.SubProtocol == V1Protocol;

    public static async Task<ChannelsSocket> ConnectAsync(ServerApi api, string kernelId, bool offerV1)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Authorization", $"token {api.Server.Token}");
            if (offerV1)
            {
                socket.Options.AddSubProtocol(V1Protocol);
            }

            var session = Guid.NewGuid().ToString();
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await socket.ConnectAsync(api.ChannelsUri(kernelId, session), timeout.Token).ConfigureAwait(false);
            return new ChannelsSocket(socket, session, api.Server.Label);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request in the negotiated protocol; returns its msg_id.</summary>
    public async Task<string> SendAsync(string channel, string msgType, string content)
    {
        var msgId = Guid.NewGuid().ToString();
        var date = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
        var header = $$"""{"msg_id": "{{msgId}}", "session": "{{_session}}", "username": "bench", "date": "{{date}}", "msg_type": "{{msgType}}", "version": "5.3"}""";
        var frame = UsesV1 ? ChannelFrames.EncodeV1(channel, header, content) : ChannelFrames.EncodeLegacy(channel, header, content);
        await _socket.SendAsync(frame, UsesV1 ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            .ConfigureAwait(false);
        return msgId;
    }

    /// <summary>Reads until the <paramref name="replyType"/> to <paramref name="msgId"/> arrives; returns its status.</summary>
    public async Task<string?> WaitForReplyAsync(string msgId, string replyType)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var message = await ReceiveAsync($"the {replyType} to {msgId}", timeout.Token).ConfigureAwait(false);
            if (message.ParentMsgId == msgId && message.MsgType == replyType && message.Channel == "shell")
            {
                return message.State;
            }
        }
    }

    /// <summary>
    /// kernel_info_request until a reply and an iopub <c>idle</c> status (each to any of the requests sent) have arrived,
    /// re-sent every <paramref name="retryInterval"/> without both, as jupyter_client's wait_for_ready does: a status
    /// published before the server's new iopub subscription joined is lost. Returns how many were re-sent.
    /// </summary>
    public async Task<int> KernelInfoUntilIdleAsync(TimeSpan retryInterval)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var sent = new HashSet<string>(StringComparer.Ordinal) { await SendAsync("shell", "kernel_info_request", "{}").ConfigureAwait(false) };
        var lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
        bool replied = false, idle = false;
        Task<ChannelMessage>? pending = null;
        while (!(replied && idle))
        {
            pending ??= ReceiveAsync("a kernel_info_reply and an idle status", timeout.Token);
            var wait = retryInterval - System.Diagnostics.Stopwatch.GetElapsedTime(lastSent);
            if (wait > TimeSpan.Zero && await Task.WhenAny(pending, Task.Delay(wait, timeout.Token)).ConfigureAwait(false) == pending)
            {
                var message = await pending.ConfigureAwait(false);
                pending = null;
                if (message.ParentMsgId is { } parent && sent.Contains(parent))
                {
                    replied |= message.Channel == "shell" && message.MsgType == "kernel_info_reply";
                    idle |= message.Channel == "iopub" && message.MsgType == "status" && message.State == "idle";
                }
            }
            else
            {
                sent.Add(await SendAsync("shell", "kernel_info_request", "{}").ConfigureAwait(false));
                lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }

        return sent.Count - 1;
    }

    /// <summary>One <c>1+1</c> from send to <c>execute_reply</c>, in milliseconds; fails unless the reply is <c>ok</c>.</summary>
    public async Task<double> TimeExecuteAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var msgId = await SendAsync("shell", "execute_request", ExecuteOnePlusOne).ConfigureAwait(false);
        var status = await WaitForReplyAsync(msgId, "execute_reply").ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return status == "ok" ? elapsed : throw new InvalidOperationException($"{_label}: `1+1` answered {status ?? "no status"}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "benchmark done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
    }

    private async Task<ChannelMessage> ReceiveAsync(string expectation, CancellationToken cancellationToken)
    {
        _incoming.ResetWrittenCount();
        ValueWebSocketReceiveResult result;
        do
        {
            try
            {
                result = await _socket.ReceiveAsync(_incoming.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_label}: the kernel WebSocket did not deliver {expectation} within {ReplyTimeout.TotalSeconds:0} s");
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"{_label} closed the kernel WebSocket ({_socket.CloseStatus} {_socket.CloseStatusDescription}) before {expectation}");
            }

            _incoming.Advance(result.Count);
        }
        while (!result.EndOfMessage);

        return UsesV1 ? ChannelFrames.DecodeV1(_incoming.WrittenSpan)
            : result.MessageType == WebSocketMessageType.Text ? ChannelFrames.DecodeLegacy(_incoming.WrittenSpan)
            // A legacy message with binary buffers: none of the replies the benchmark waits for.
            : new ChannelMessage(string.Empty, "binary", null, null);
    }
}
