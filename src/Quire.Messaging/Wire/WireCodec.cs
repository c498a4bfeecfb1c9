using System.Runtime.InteropServices;
using System.Text.Json;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.Wire;

/// <summary>
/// The ZeroMQ multipart form of a message: routing identities, <c>&lt;IDS|MSG&gt;</c>, the HMAC signature, header,
/// parent header, metadata, content, then binary buffers. Decoding checks the signature in constant time and refuses
/// unsigned, wrongly signed and replayed messages.
/// </summary>
public sealed class WireCodec
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private static readonly byte[] DelimiterBytes = "<IDS|MSG>"u8.ToArray();
    private readonly HeaderReader _headers = new();

    public WireCodec(MessageSigner signer, ReplayGuard? replayGuard = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Signer = signer;
        ReplayGuard = replayGuard;
    }

    public static ReadOnlySpan<byte> Delimiter => "<IDS|MSG>"u8;

    public MessageSigner Signer { get; }

    public ReplayGuard? ReplayGuard { get; }

    /// <summary>The frames of <paramref name="message"/>, signed, after its identities.</summary>
    public ReadOnlyMemory<byte>[] Encode(JupyterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = JsonSerializer.SerializeToUtf8Bytes(message.Header, MessagingJsonContext.Default.MessageHeader);
        var parent = message.ParentHeader is null
            ? EmptyObject
            : JsonSerializer.SerializeToUtf8Bytes(message.ParentHeader, MessagingJsonContext.Default.MessageHeader);
        var signature = Signer.Sign(header, parent, message.MetadataJson.Span, message.ContentJson.Span);

        var frames = new ReadOnlyMemory<byte>[message.Identities.Count + 6 + message.Buffers.Count];
        var i = 0;
        foreach (var identity in message.Identities)
        {
            frames[i++] = identity;
        }

        frames[i++] = DelimiterBytes;
        frames[i++] = signature;
        frames[i++] = header;
        frames[i++] = parent;
        frames[i++] = message.MetadataJson;
        frames[i++] = message.ContentJson;
        foreach (var buffer in message.Buffers)
        {
            frames[i++] = buffer;
        }

        return frames;
    }

    /// <exception cref="MessageRejectedException">The frames are not a valid, correctly signed, fresh message.</exception>
    public JupyterMessage Decode(IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Span.SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0)
        {
            throw new MessageRejectedException(RejectionReason.Malformed, "no <IDS|MSG> delimiter");
        }

        if (frames.Count - delimiter < 6)
        {
            throw new MessageRejectedException(RejectionReason.Malformed, $"{frames.Count - delimiter - 1} frames after the delimiter; at least 5 expected");
        }

        var signature = frames[delimiter + 1].Span;
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (Signer.IsEnabled)
        {
            if (signature.IsEmpty)
            {
                throw new MessageRejectedException(RejectionReason.MissingSignature, "unsigned message");
            }

            var verified = Contiguous(header, parent, metadata, content) is { } signed
                ? Signer.Verify(signature, signed.Span)
                : Signer.Verify(signature, header.Span, parent.Span, metadata.Span, content.Span);
            if (!verified)
            {
                throw new MessageRejectedException(RejectionReason.BadSignature, "invalid signature");
            }

            if (ReplayGuard is not null && !ReplayGuard.TryRecord(signature))
            {
                throw new MessageRejectedException(RejectionReason.Replayed, "duplicate signature (replayed message)");
            }
        }

        var identities = delimiter == 0 ? [] : Slice(frames, 0, delimiter);
        var buffers = frames.Count - delimiter == 6 ? [] : Slice(frames, delimiter + 6, frames.Count - delimiter - 6);
        return new JupyterMessage(ParseHeader(header.Span), ParseParent(parent.Span), metadata, content, buffers) { Identities = identities };
    }

    /// <summary>The four frames as one, when they are consecutive slices of one array (as the ZeroMQ transport receives them).</summary>
    private static ReadOnlyMemory<byte>? Contiguous(
        ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> parent, ReadOnlyMemory<byte> metadata, ReadOnlyMemory<byte> content)
    {
        if (!MemoryMarshal.TryGetArray(header, out var first) || first.Array is not { } array)
        {
            return null;
        }

        var end = first.Offset + first.Count;
        foreach (var next in (ReadOnlySpan<ReadOnlyMemory<byte>>)[parent, metadata, content])
        {
            if (!MemoryMarshal.TryGetArray(next, out var segment) || segment.Array != array || segment.Offset != end)
            {
                return null;
            }

            end += segment.Count;
        }

        return array.AsMemory(first.Offset, end - first.Offset);
    }

    private MessageHeader ParseHeader(ReadOnlySpan<byte> json)
    {
        if (_headers.TryRead(json) is { } header)
        {
            return header;
        }

        try
        {
            return JsonSerializer.Deserialize(json, MessagingJsonContext.Default.MessageHeader)
                ?? throw new MessageRejectedException(RejectionReason.Malformed, "header is null");
        }
        catch (JsonException ex)
        {
            throw new MessageRejectedException(RejectionReason.Malformed, $"header is not a message header: {ex.Message}");
        }
    }

    private MessageHeader? ParseParent(ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).SequenceEqual("{}"u8))
        {
            return null;
        }

        if (_headers.TryRead(json) is { } header)
        {
            return header;
        }

        try
        {
            return JsonSerializer.Deserialize(json, MessagingJsonContext.Default.MessageHeader);
        }
        catch (JsonException)
        {
            // A parent header only routes replies; one we cannot read routes nowhere, which is what a client expects.
            return null;
        }
    }

    private static ReadOnlyMemory<byte>[] Slice(IReadOnlyList<ReadOnlyMemory<byte>> frames, int start, int count)
    {
        var result = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = frames[start + i];
        }

        return result;
    }
}
