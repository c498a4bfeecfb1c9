using System.Text.Json;
using Quire.Messaging.Protocol;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// Turns a decoded frame into the message sent to the kernel. The header is parsed (routing needs its
/// <c>msg_id</c>, and the kernel connection re-signs it); metadata and content are only checked to be JSON objects and
/// travel on as the client's own bytes.
/// </summary>
internal static class IncomingMessages
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <exception cref="BadFrameException">The header is not a message header, or metadata or content is not a JSON object.</exception>
    public static JupyterMessage ToMessage(IncomingFrame frame)
    {
        if (frame.Header.IsEmpty)
        {
            throw new BadFrameException("the message has no header");
        }

        MessageHeader header;
        try
        {
            header = JsonSerializer.Deserialize(frame.Header.Span, MessagingJsonContext.Default.MessageHeader)
                ?? throw new BadFrameException("the message's header is null");
        }
        catch (JsonException ex)
        {
            throw new BadFrameException($"the message's header is not a message header (msg_id, session and msg_type are required): {ex.Message}", ex);
        }

        RequireObject(frame.Metadata, "metadata");
        RequireObject(frame.Content, "content");
        return new JupyterMessage(header, ParseParent(frame.ParentHeader.Span), frame.Metadata, frame.Content, frame.Buffers);
    }

    // As the wire codec does: an empty or unreadable parent header routes nowhere and is sent as {}.
    private static MessageHeader? ParseParent(ReadOnlySpan<byte> json)
    {
        var trimmed = json.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed.SequenceEqual("{}"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, MessagingJsonContext.Default.MessageHeader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void RequireObject(ReadOnlyMemory<byte> json, string part)
    {
        if (json.IsEmpty)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(json.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new BadFrameException($"the message's {part} is not a JSON object");
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new BadFrameException($"the message's {part} has data after its JSON object");
            }
        }
        catch (JsonException ex)
        {
            throw new BadFrameException($"the message's {part} is not valid JSON: {ex.Message}", ex);
        }
    }
}
