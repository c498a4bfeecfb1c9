using System.Text.Json;
using Quire.Messaging.Protocol;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// A kernel message on its way to WebSockets. It is encoded at most once per protocol however many sockets get it:
/// the header and parent header are serialised once, metadata and content are the kernel's own bytes.
/// </summary>
internal sealed class OutboundMessage(string channel, JupyterMessage message, string? executionState = null)
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    // Written once by whichever socket gets there first; a race only encodes twice, the results are identical.
    private byte[]? _header;
    private byte[]? _parent;
    private byte[]? _v1;
    private Tuple<byte[], bool>? _legacy;

    public string Channel { get; } = channel;

    public JupyterMessage Message { get; } = message;

    /// <summary>For an iopub <c>status</c>: its <c>execution_state</c>, parsed once by the hub.</summary>
    public string? ExecutionState { get; } = executionState;

    public byte[] HeaderJson => _header ??= JsonSerializer.SerializeToUtf8Bytes(Message.Header, MessagingJsonContext.Default.MessageHeader);

    public byte[] ParentJson => _parent ??= Message.ParentHeader is { } parent
        ? JsonSerializer.SerializeToUtf8Bytes(parent, MessagingJsonContext.Default.MessageHeader)
        : EmptyObject;

    /// <summary>The size of the message's parts, as jupyter_server counts a stream message against the data rate limit.</summary>
    public long PartsLength
    {
        get
        {
            long length = HeaderJson.Length + ParentJson.Length + Message.MetadataJson.Length + Message.ContentJson.Length;
            foreach (var buffer in Message.Buffers)
            {
                length += buffer.Length;
            }

            return length;
        }
    }

    /// <summary>The frame for <paramref name="protocol"/>, and whether it goes as text.</summary>
    public (byte[] Data, bool IsText) Frame(KernelWebSocketProtocol protocol)
    {
        if (protocol == KernelWebSocketProtocol.V1)
        {
            return (_v1 ??= V1Frames.Encode(Channel, HeaderJson, ParentJson, Message.MetadataJson.Span, Message.ContentJson.Span, Message.Buffers), false);
        }

        // One object holding both, so that no reader sees the bytes of one encoding with the flag of another.
        if (_legacy is not { } legacy)
        {
            var (data, isText) = LegacyFrames.Encode(
                Channel, HeaderJson, Message.MsgId, Message.MsgType, ParentJson, Message.MetadataJson.Span, Message.ContentJson.Span, Message.Buffers);
            _legacy = legacy = Tuple.Create(data, isText);
        }

        return (legacy.Item1, legacy.Item2);
    }
}
