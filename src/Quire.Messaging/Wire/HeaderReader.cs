using System.Text.Json;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.Wire;

/// <summary>
/// Reads a message header in one <see cref="Utf8JsonReader"/> pass. Every received message has one (and a reply a
/// parent too), so this is the receive path's only eager parse: the serializer costs twice as much and allocates a
/// string per field, where a connection's session, user name, message types and version repeat and are reused here.
/// </summary>
/// <remarks>
/// Only the usual shape is read here, the one jupyter_client and ipykernel always write: all six fields, as strings,
/// unknown ones kept as extension data. Anything else (a missing, null or non-string field, a repeated key, bad JSON)
/// returns null and the caller asks the serializer, so that both paths accept, refuse and fill in exactly alike.
/// </remarks>
internal sealed class HeaderReader
{
    private readonly Utf8StringCache _strings = new();

    private enum Field
    {
        MsgId,
        Session,
        Username,
        Date,
        MsgType,
        Version,
        Other,
    }

    public MessageHeader? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return Read(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Bad JSON or invalid UTF-8: the serializer produces the error that names it.
            return null;
        }
    }

    private MessageHeader? Read(ReadOnlySpan<byte> json)
    {
        // The reader's defaults are the serializer's: no comments, no trailing commas, depth 64, one value only.
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? msgId = null, session = null, username = null, date = null, msgType = null, version = null;
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            var name = field == Field.Other ? reader.GetString()! : null;
            reader.Read();
            if (field == Field.Other)
            {
                extra ??= [];
                if (!extra.TryAdd(name!, JsonElement.ParseValue(ref reader)))
                {
                    return null;
                }

                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var ok = field switch
            {
                Field.MsgId => Set(ref msgId, reader.GetString()),
                Field.Session => Set(ref session, _strings.Get(ref reader)),
                Field.Username => Set(ref username, _strings.Get(ref reader)),
                Field.Date => Set(ref date, reader.GetString()),
                Field.MsgType => Set(ref msgType, _strings.Get(ref reader)),
                _ => Set(ref version, _strings.Get(ref reader)),
            };
            if (!ok)
            {
                return null;
            }
        }

        // A header without all six is left to the serializer too, which decides what a missing field becomes.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
            || msgId is null || session is null || username is null || date is null || msgType is null || version is null)
        {
            return null;
        }

        return new MessageHeader
        {
            MsgId = msgId,
            Session = session,
            Username = username,
            Date = date,
            MsgType = msgType,
            Version = version,
            Extra = extra,
        };
    }

    private static Field Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("msg_id"u8) ? Field.MsgId
        : reader.ValueTextEquals("session"u8) ? Field.Session
        : reader.ValueTextEquals("username"u8) ? Field.Username
        : reader.ValueTextEquals("date"u8) ? Field.Date
        : reader.ValueTextEquals("msg_type"u8) ? Field.MsgType
        : reader.ValueTextEquals("version"u8) ? Field.Version
        : Field.Other;

    /// <summary>False for a second value: which of two wins is the serializer's call.</summary>
    private static bool Set(ref string? target, string? value)
    {
        if (target is not null)
        {
            return false;
        }

        target = value;
        return true;
    }
}
