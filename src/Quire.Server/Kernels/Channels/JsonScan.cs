using System.Text.Json;

namespace Quire.Server.Kernels.Channels;

/// <summary>Reads one top-level string out of a message part without parsing the rest into objects.</summary>
internal static class JsonScan
{
    /// <summary>The string value of <paramref name="name"/> at the top level of the object, or null.</summary>
    public static string? TopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A kernel's malformed content has no such value; the message itself still travels on.
        }

        return null;
    }
}
