using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Kernels;

/// <summary>Bad v1 and legacy frames over a real connection: refused with a reason, and the server carries on.</summary>
public sealed class HostileFrameTests
{
    public static TheoryData<string, byte[]> BadV1Frames() => new()
    {
        { "offsets", Frame(ulong.MaxValue, []) },
        { "offsets", Frame(1UL << 60, [56, 61]) },
        { "offsets", Frame(3, [32, 33, 34]) },
        { "truncated", Frame(6, [56, 61]) },
        { "must not decrease", Frame(6, [56, 61, 60, 62, 63, 64], padTo: 64) },
        { "within the frame", Frame(6, [56, 61, 62, 63, 64, 1_000_000], padTo: 70) },
        { "first offset", Frame(6, [48, 61, 62, 63, 64, 66], padTo: 66) },
        { "last offset", Frame(6, [56, 61, 62, 63, 64, 65], padTo: 90) },
        { "shorter than", [1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(BadV1Frames))]
    public async Task BadV1Frame_ClosesTheSocketWithTheReason_AndTheKernelServesOthers(string reason, byte[] frame)
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var hostile = await server.ConnectAsync(id);

        await hostile.SendRawAsync(frame, WebSocketMessageType.Binary);

        await hostile.WaitClosedAsync(Within.Kernel, $"the server to close a socket that sent a bad v1 frame ({reason})");
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, hostile.CloseStatus);
        Assert.Contains(reason, hostile.CloseDescription, StringComparison.Ordinal);
        await using var next = await server.ConnectAsync(id);
        Assert.Contains(await next.ExecuteAsync("print fine"), m => m.MsgType == "stream");
    }

    [Fact]
    public async Task TextFrame_OnV1_IsRefused()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        await socket.SendRawAsync(Encoding.UTF8.GetBytes("{}"), WebSocketMessageType.Text);

        await socket.WaitClosedAsync(Within.Kernel, "a text frame on the v1 protocol to close the socket");
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Contains("binary frames only", socket.CloseDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"channel": "shell", "content": {}}""", "no header")]
    [InlineData("""{"channel": "shell", "header": {"msg_type": "execute_request"}}""", "not a message header")]
    [InlineData("""{"channel": "shell", "header": {"msg_id": "1", "session": "s", "msg_type": "x"}, "content": [1]}""", "content is not a JSON object")]
    public async Task BadLegacyText_ClosesTheSocketWithTheReason(string text, string reason)
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id, v1: false);

        await socket.SendRawAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

        await socket.WaitClosedAsync(Within.Kernel, $"a bad legacy message to close the socket ({reason})");
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Contains(reason, socket.CloseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadLegacyBinary_HugePartCount_IsRefused()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id, v1: false);
        var frame = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(frame, uint.MaxValue);

        await socket.SendRawAsync(frame, WebSocketMessageType.Binary);

        await socket.WaitClosedAsync(Within.Kernel, "a binary frame claiming 2^32 parts to close the socket");
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Contains("parts", socket.CloseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageOverTheSizeLimit_ClosesWith1009()
    {
        await using var server = await KernelServer.StartAsync(k => k with { MaxWebSocketMessageSize = 64 * 1024 });
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        await socket.SendRawAsync(new byte[200 * 1024], WebSocketMessageType.Binary);

        await socket.WaitClosedAsync(Within.Kernel, "a message over the size limit to close the socket");
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task MessageOnIOPubOrAnUnknownChannel_IsIgnored_AndTheSocketStaysOpen()
    {
        await using var server = await KernelServer.StartAsync();
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);

        await socket.SendAsync("iopub", "stream", """{"name": "stdout", "text": "spoof"}""");
        await socket.SendAsync("nonsense", "kernel_info_request");

        Assert.Contains(await socket.ExecuteAsync("print real"), m => m.MsgType == "stream" && m.Text("text") == "real\n");
        Assert.DoesNotContain(socket.Received, m => m.Text("text") == "spoof");
    }

    // A v1 frame of the declared offset count and offsets, padded with zeros to padTo bytes (or just the table).
    private static byte[] Frame(ulong count, ulong[] offsets, int padTo = 0)
    {
        var frame = new byte[Math.Max(8 + (8 * offsets.Length), padTo)];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, count);
        for (var i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 + (8 * i)), offsets[i]);
        }

        return frame;
    }
}
