using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>The fields of a model sent to be saved (PUT) or created.</summary>
internal sealed record SaveRequest
{
    public string? Type { get; init; }

    public string? Format { get; init; }

    public JValue? Content { get; init; }

    /// <summary>Whether the model has a <c>content</c> key at all (null content is still "provided").</summary>
    public bool HasContent { get; init; }

    /// <summary>1, 2, … or -1 for the last chunk of a large upload; null for a whole file.</summary>
    public int? Chunk { get; init; }

    /// <exception cref="ApiException">400: a field of the wrong JSON type.</exception>
    public static SaveRequest From(JObject model) => new()
    {
        Type = OptionalString(model, "type"),
        Format = OptionalString(model, "format"),
        Content = model["content"] is { Kind: not JKind.Null } content ? content : null,
        HasContent = model.ContainsKey("content"),
        Chunk = ParseChunk(model["chunk"]),
    };

    public static string? OptionalString(JObject model, string key) => model[key] switch
    {
        null or { Kind: JKind.Null } => null,
        JString s => s.Value,
        var other => throw ApiException.BadRequest($"'{key}' must be a string, not {other.TypeName}"),
    };

    private static int? ParseChunk(JValue? value)
    {
        if (value is null or { Kind: JKind.Null })
        {
            return null;
        }

        if (value is JNumber { IsInteger: true } number && number.TryGetInt64(out var chunk) && (chunk == -1 || chunk is >= 1 and <= int.MaxValue))
        {
            return (int)chunk;
        }

        throw ApiException.BadRequest("'chunk' must be 1, 2, … or -1 for the last chunk");
    }
}
