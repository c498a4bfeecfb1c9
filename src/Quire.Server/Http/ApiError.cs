using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Quire.Server.Http;

/// <summary>Writes error bodies in jupyter_server's shape: <c>{"message": …, "reason": …}</c>.</summary>
public static class ApiError
{
    /// <summary>Writes <paramref name="statusCode"/> with a JSON error body, unless the response has started.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, string message, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
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
