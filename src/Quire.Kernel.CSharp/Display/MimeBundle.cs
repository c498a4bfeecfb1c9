using System.Text.Json;
using Quire.Kernel.CSharp.Execution;

namespace Quire.Kernel.CSharp.Display;

/// <summary>Mime bundles as the protocol carries them: every value a JSON value, strings for text and base64 data.</summary>
internal static class MimeBundle
{
    public static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text, FormatterJsonContext.Default.String);

    /// <summary>An <see cref="IRichDisplay"/>'s bundle, with <c>text/plain</c> filled in when the type left it out.</summary>
    public static Dictionary<string, JsonElement> From(IReadOnlyDictionary<string, object> bundle, Func<string> plainText)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (mimeType, value) in bundle)
        {
            data[mimeType] = value switch
            {
                string text => Text(text),
                JsonElement element => element.Clone(),
                byte[] bytes => Text(Convert.ToBase64String(bytes)),
                null => JsonDocument.Parse("null").RootElement.Clone(),
                _ => JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web),
            };
        }

        if (!data.ContainsKey(MimeTypes.Plain))
        {
            data[MimeTypes.Plain] = Text(plainText());
        }

        return data;
    }
}
