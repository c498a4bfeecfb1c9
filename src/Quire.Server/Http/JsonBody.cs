using System.Buffers;
using Microsoft.AspNetCore.Http;
using Quire.Notebook.Json;
using Quire.Server.Contents;

namespace Quire.Server.Http;

/// <summary>
/// Request and response bodies as Quire's lossless JSON tree: a notebook's numbers, key order and strings pass through a
/// save or a read untouched, and large strings stay UTF-8 slices of the body instead of being decoded.
/// </summary>
internal static class JsonBody
{
    private const long FlushEveryBlockAbove = 1024 * 1024;

    /// <summary>
    /// The request body parsed, or null when it is empty (as jupyter_server's <c>get_json_body</c>). Malformed JSON is
    /// 400; a body over the size limit is Kestrel's 413.
    /// </summary>
    public static async Task<JValue?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await ReadBytesAsync(request, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonParser.Parse(bytes);
        }
        catch (JsonSyntaxException)
        {
            throw ApiException.BadRequest("Invalid JSON in body of request");
        }
    }

    /// <summary>The request body as a JSON object, or null when empty; any other JSON value is 400.</summary>
    public static async Task<JObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var value = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return value switch
        {
            null => null,
            JObject model => model,
            _ => throw ApiException.BadRequest($"The body of the request must be a JSON object, not {value.TypeName}"),
        };
    }

    /// <summary>Writes <paramref name="body"/> as compact JSON with the given status.</summary>
    public static async Task WriteAsync(HttpResponse response, int statusCode, JValue body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        using (var writer = new PythonJsonWriter(new PipeWriterStream(response.BodyWriter), indent: -1))
        {
            writer.Write(body);
            writer.Flush();
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="model"/>, whose <c>content</c> is null, with <paramref name="content"/> (compact JSON
    /// rendered earlier) as its content: the bytes the model with that content would have been written as.
    /// </summary>
    public static async Task WriteWithContentAsync(HttpResponse response, int statusCode, JObject model, RenderedJson content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(content);
        var (head, tail) = SplitAtContent(Render(model));
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = head.Length + content.Length + tail.Length;
        // Copied into the response without a flush per piece (each flush is a send of its own), but a large body a
        // block at a time, so that a slow reader holds back the copying instead of the server buffering it all.
        var writer = response.BodyWriter;
        writer.Write(head.Span);
        foreach (var block in content.Blocks)
        {
            if (content.Length > FlushEveryBlockAbove)
            {
                await writer.WriteAsync(block, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                writer.Write(block.Span);
            }
        }

        writer.Write(tail.Span);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A rendered model around its null content: the bytes before the null and after it. The first
    /// <c>"content": null</c> is the model's own key: inside a string that comes before it (a name or a path) every
    /// quote is escaped, so the sequence cannot occur there.
    /// </summary>
    internal static (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) SplitAtContent(byte[] rendered)
    {
        var at = rendered.AsSpan().IndexOf("\"content\": null"u8);
        if (at < 0)
        {
            throw new InvalidOperationException("The model has no null content to fill in.");
        }

        var value = at + "\"content\": "u8.Length;
        return (rendered.AsMemory(0, value), rendered.AsMemory(value + "null"u8.Length));
    }

    /// <summary><paramref name="body"/> as the compact JSON <see cref="WriteAsync(HttpResponse, int, JValue, CancellationToken)"/> writes.</summary>
    private static byte[] Render(JValue body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new PythonJsonWriter(buffer, indent: -1))
        {
            writer.Write(body);
            writer.Flush();
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length <= Array.MaxLength)
        {
            // Kestrel refuses a declared length over the limit on the first read, before anything is allocated here.
            var probe = new byte[1];
            if (length == 0)
            {
                return [];
            }

            var first = await request.Body.ReadAsync(probe, cancellationToken).ConfigureAwait(false);
            var exact = new byte[length];
            if (first == 0)
            {
                return [];
            }

            exact[0] = probe[0];
            await request.Body.ReadExactlyAsync(exact.AsMemory(1), cancellationToken).ConfigureAwait(false);
            return exact;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
