using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Quire.Messaging.Protocol;

/// <summary>
/// One Jupyter message. Metadata and content are held as the UTF-8 JSON they arrived as (so a message passes through
/// untouched and its signature can be checked over the exact bytes) and parsed only when read.
/// </summary>
public sealed class JupyterMessage
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private JsonElement? _metadata;
    private JsonElement? _content;

    public JupyterMessage(
        MessageHeader header,
        MessageHeader? parentHeader,
        ReadOnlyMemory<byte> metadataJson,
        ReadOnlyMemory<byte> contentJson,
        IReadOnlyList<ReadOnlyMemory<byte>>? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        ParentHeader = parentHeader;
        MetadataJson = metadataJson.IsEmpty ? EmptyObject : metadataJson;
        ContentJson = contentJson.IsEmpty ? EmptyObject : contentJson;
        Buffers = buffers ?? [];
    }

    public MessageHeader Header { get; }

    /// <summary>The header of the message that caused this one, or <c>null</c> when the parent header is <c>{}</c>.</summary>
    public MessageHeader? ParentHeader { get; }

    public ReadOnlyMemory<byte> MetadataJson { get; }

    public ReadOnlyMemory<byte> ContentJson { get; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Buffers { get; }

    /// <summary>ZeroMQ routing identities (the frames before <c>&lt;IDS|MSG&gt;</c>); on iopub, the topic.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Identities { get; init; } = [];

    public string MsgType => Header.MsgType;

    public string MsgId => Header.MsgId;

    public string? ParentMsgId => ParentHeader?.MsgId;

    public JsonElement Metadata => _metadata ??= JsonSerializer.Deserialize(MetadataJson.Span, MessagingJsonContext.Default.JsonElement);

    public JsonElement Content => _content ??= JsonSerializer.Deserialize(ContentJson.Span, MessagingJsonContext.Default.JsonElement);

    /// <summary>The content as a typed model; unknown fields land in the model's extension data.</summary>
    public T GetContent<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(ContentJson.Span, typeInfo) ?? throw new JsonException($"{MsgType} content is null");

    /// <summary>This message with other routing identities (a reply goes back through the requester's).</summary>
    public JupyterMessage WithIdentities(IReadOnlyList<ReadOnlyMemory<byte>> identities) =>
        new(Header, ParentHeader, MetadataJson, ContentJson, Buffers) { Identities = identities };

    public override string ToString() => $"{MsgType} {MsgId}";
}
