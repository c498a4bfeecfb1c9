using System.Text.Json;

namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// A JSON value (<c>application/json</c>) that frontends render as a collapsible tree; indented JSON is the text
/// fallback. Built from a JSON string, a <see cref="JsonElement"/> or any serializable object.
/// </summary>
public sealed class JsonContent : MimeContent
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private JsonContent(JsonElement json)
        : base(MimeTypes.Json, json, JsonSerializer.Serialize(json, Indented))
    {
    }

    public static JsonContent From(object? value) => new(ToElement(value));

    private static JsonElement ToElement(object? value)
    {
        switch (value)
        {
            case JsonElement element:
                return element.Clone();
            case string text:
                // A string is taken as JSON text, as IPython's JSON() takes one: bad JSON fails here, not in the frontend.
                using (var document = JsonDocument.Parse(text))
                {
                    return document.RootElement.Clone();
                }

            case null:
                return JsonDocument.Parse("null").RootElement.Clone();
            default:
                return JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web);
        }
    }
}
