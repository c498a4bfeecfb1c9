using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Quire.Server.Http;

/// <summary>Writes error bodies in jupyter_server's shape: <c>{"message": …, "reason": …}</c>.</summary>
public static class ApiError
{
    /// <summary>Writes <paramref name="statusCode"/> with a JSON error body, unless the response has started.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message, string? reason, CancellationToken cancellationToken) =>
        WriteAsync(context, statusCode, message, reason, clear: true, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(HttpContext, int, string, string?, CancellationToken)"/>, but keeps the headers already set
    /// (a refusal that also clears a stale login cookie must send that Set-Cookie).
    /// </summary>
    public static Task WriteKeepingHeadersAsync(HttpContext context, int statusCode, string message, string? reason, CancellationToken cancellationToken) =>
        WriteAsync(context, statusCode, message, reason, clear: false, cancellationToken);

    private static async Task WriteAsync(HttpContext context, int statusCode, string message, string? reason, bool clear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        if (clear)
        {
            context.Response.Clear();
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        // Messages quote paths as Python does ('a.txt'); the default encoder would send \u0027. The body is JSON
        // served with nosniff, so HTML-sensitive characters need no escaping.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            if (reason is null)
            {
                writer.WriteNull("reason");
            }
            else
            {
                writer.WriteString("reason", reason);
            }

            if (statusCode >= 500)
            {
                // jupyter_server sends a traceback here when allow_tracebacks is on; Quire never does: a stack trace
                // tells an attacker more than it tells a user.
                writer.WriteString("traceback", string.Empty);
            }

            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}
