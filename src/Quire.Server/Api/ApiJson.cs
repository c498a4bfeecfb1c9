using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Quire.Server.Api;

/// <summary>
/// JSON in and out for the kernels, sessions, kernelspecs and api services, written straight to the response pipe
/// (no intermediate strings), in jupyter_server's shapes.
/// </summary>
internal static class ApiJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    /// <summary>Writes <paramref name="statusCode"/> and the JSON that <paramref name="write"/> produces.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body as JSON, or null when there is none (jupyter_server's <c>get_json_body</c>). Malformed JSON throws
    /// <see cref="JsonException"/>, which the error middleware answers with 400.
    /// </summary>
    public static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ReadOptions);
    }

    /// <summary>The string property <paramref name="name"/> of an object, or null when absent, null or not a string.</summary>
    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Whether <paramref name="element"/> is an object holding <paramref name="name"/> (of any value).</summary>
    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);
}
