using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Quire.Messaging.Protocol;

/// <summary>
/// Creates messages for one session (a client or a kernel process): each gets a fresh <c>msg_id</c>, the session id,
/// the user name and the current time, and a reply carries its request's header as parent.
/// </summary>
public sealed class MessageSession
{
    private readonly TimeProvider _time;

    public MessageSession(string? sessionId = null, string username = "quire", TimeProvider? timeProvider = null)
    {
        SessionId = sessionId ?? Guid.NewGuid().ToString();
        Username = username;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string SessionId { get; }

    public string Username { get; }

    public MessageHeader NewHeader(string msgType) => new()
    {
        MsgId = Guid.NewGuid().ToString(),
        Session = SessionId,
        Username = Username,
        Date = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        MsgType = msgType,
        Version = ProtocolVersion.Current,
    };

    public JupyterMessage Create<T>(
        string msgType,
        T content,
        JsonTypeInfo<T> contentType,
        JupyterMessage? parent = null,
        ReadOnlyMemory<byte> metadataJson = default,
        IReadOnlyList<ReadOnlyMemory<byte>>? buffers = null) =>
        CreateRaw(msgType, JsonSerializer.SerializeToUtf8Bytes(content, contentType), parent, metadataJson, buffers);

    public JupyterMessage CreateRaw(
        string msgType,
        ReadOnlyMemory<byte> contentJson,
        JupyterMessage? parent = null,
        ReadOnlyMemory<byte> metadataJson = default,
        IReadOnlyList<ReadOnlyMemory<byte>>? buffers = null) =>
        new(NewHeader(msgType), parent?.Header, metadataJson, contentJson, buffers);
}
