using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// A test client of the kernel WebSocket (<see cref="ClientWebSocket"/>), speaking the v1 protocol or the legacy one.
/// Everything received is kept, so a test can wait for any message (not just the next one) and a timeout can list
/// what did arrive.
/// </summary>
internal sealed partial class KernelWebSocket : IAsyncDisposable
{
    public const string V1Protocol = "v1.kernel.websocket.jupyter.org";

    private readonly ClientWebSocket _socket;
    private readonly Lock _lock = new();
    private readonly List<ReceivedMessage> _received = [];
    private readonly Task _receiver;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KernelWebSocket(ClientWebSocket socket, string sessionId)
    {
        _socket = socket;
        SessionId = sessionId;
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    public string SessionId { get; }

    /// <summary>The protocol the server selected: the v1 name, or null for the legacy protocol.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    public bool UsesV1 => _socket.SubProtocol == V1Protocol;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>Completes when the server has closed the connection (or it broke).</summary>
    public Task Closed => _receiver;

    public IReadOnlyList<ReceivedMessage> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<KernelWebSocket> ConnectAsync(
        Uri serverUrl, string kernelId, string? sessionId, bool offerV1, string token = ServerHost.TestToken, string? extraProtocol = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"token {token}");
        if (offerV1)
        {
            socket.Options.AddSubProtocol(V1Protocol);
        }

        if (extraProtocol is not null)
        {
            socket.Options.AddSubProtocol(extraProtocol);
        }

        sessionId ??= Guid.NewGuid().ToString();
        var uri = new UriBuilder(new Uri(serverUrl, $"api/kernels/{kernelId}/channels?session_id={Uri.EscapeDataString(sessionId)}"))
        {
            Scheme = "ws",
        }.Uri;
        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return new KernelWebSocket(socket, sessionId);
    }

    /// <summary>A message header from this client's session, as JSON.</summary>
    public string Header(string msgType, string? msgId = null) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["msg_id"] = msgId ?? Guid.NewGuid().ToString(),
        ["session"] = SessionId,
        ["username"] = "test",
        ["date"] = DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = "5.3",
    });

    /// <summary>Sends a message in the negotiated protocol; returns its msg_id.</summary>
    public async Task<string> SendAsync(
        string channel, string msgType, string content = "{}", string metadata = "{}", string parentHeader = "{}", IReadOnlyList<byte[]>? buffers = null)
    {
        var msgId = Guid.NewGuid().ToString();
        var header = Header(msgType, msgId);
        if (UsesV1)
        {
            byte[][] parts = [Utf8(header), Utf8(parentHeader), Utf8(metadata), Utf8(content), .. buffers ?? []];
            await SendRawAsync(TestFrames.EncodeV1(channel, parts), WebSocketMessageType.Binary);
            return msgId;
        }

        var json = $$"""{"channel": "{{channel}}", "header": {{header}}, "parent_header": {{parentHeader}}, "metadata": {{metadata}}, "content": {{content}}, "buffers": []}""";
        if (buffers is { Count: > 0 })
        {
            var withoutBuffers = $$"""{"channel": "{{channel}}", "header": {{header}}, "parent_header": {{parentHeader}}, "metadata": {{metadata}}, "content": {{content}}}""";
            await SendRawAsync(TestFrames.EncodeLegacyBinary(Utf8(withoutBuffers), buffers), WebSocketMessageType.Binary);
        }
        else
        {
            await SendRawAsync(Utf8(json), WebSocketMessageType.Text);
        }

        return msgId;
    }

    public Task SendRawAsync(byte[] data, WebSocketMessageType type) =>
        _socket.SendAsync(data, type, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>Sends an execute_request (naming <paramref name="cellId"/> as JupyterLab does); returns its msg_id.</summary>
    public Task<string> SendExecuteAsync(string code, string? cellId = null, bool allowStdin = false)
    {
        var content = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["code"] = code,
            ["silent"] = false,
            ["store_history"] = true,
            ["user_expressions"] = new Dictionary<string, object>(),
            ["allow_stdin"] = allowStdin,
            ["stop_on_error"] = true,
        });
        var metadata = cellId is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, object> { ["cellId"] = cellId, ["deletedCells"] = Array.Empty<string>() });
        return SendAsync("shell", "execute_request", content, metadata);
    }

    /// <summary>Runs <paramref name="code"/> and returns every message of the execution once its reply and idle status are in.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ExecuteAsync(string code, string? cellId = null, TimeSpan? timeout = null)
    {
        var msgId = await SendExecuteAsync(code, cellId);
        return await WaitForExecutionAsync(msgId, timeout ?? Within.Kernel);
    }

    /// <summary>Waits until the server closes the connection.</summary>
    public Task WaitClosedAsync(TimeSpan timeout, string expectation) => Within.Async(_receiver, timeout, expectation);

    /// <summary>Closes from this side (with <paramref name="status"/>) and waits for the server's answer.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(status, "test done", TestContext.Current.CancellationToken);
        }

        await Within.Async(_receiver, TimeSpan.FromSeconds(30), "the server to answer the client's close");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disposed", CancellationToken.None);
            }

            await _receiver.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
