using System.Net.Sockets;
using System.Text;

namespace Quire.Server.Tests.Http;

/// <summary>
/// Requests written byte for byte over TCP: .NET's Uri and HttpClient would normalise the very paths and headers the
/// security tests must send (dot segments, encoded slashes, a foreign Host, WebSocket upgrades).
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int Status, string Head, string Body)
    {
        public string? Header(string name) => Head.Split("\r\n")
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }

    /// <param name="baseUrl">The server (its host and port are used).</param>
    /// <param name="requestLine">"GET /api/contents/x HTTP/1.1".</param>
    /// <param name="headers">Extra header lines; Host is added unless one is given.</param>
    /// <param name="cancellationToken">Ends the exchange.</param>
    /// <param name="body">A body, sent with its Content-Length.</param>
    public static async Task<Response> SendAsync(Uri baseUrl, string requestLine, IEnumerable<string> headers, CancellationToken cancellationToken, string? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port, cancellationToken);
        var stream = tcp.GetStream();
        var lines = new List<string> { requestLine };
        var list = headers.ToList();
        if (!list.Any(h => h.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add($"Host: {baseUrl.Authority}");
        }

        lines.AddRange(list);
        if (body is not null)
        {
            lines.Add($"Content-Length: {Encoding.UTF8.GetByteCount(body)}");
        }

        if (!list.Any(h => h.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add("Connection: close");
        }
        var request = string.Join("\r\n", lines) + "\r\n\r\n" + (body ?? string.Empty);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);

        // Read the head, then as much body as it announces: a refused upgrade or a kept-alive connection is not closed
        // by the server, so "until closed" could wait forever. A bound on time turns a hang into a failure.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (!IsComplete(buffer))
        {
            var read = await stream.ReadAsync(chunk, timeout.Token);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var content = split < 0 ? string.Empty : text[(split + 4)..];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Response(status, head, content);
    }

    private static bool IsComplete(MemoryStream buffer)
    {
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var head = text[..split];
        if (head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal) || head.StartsWith("HTTP/1.1 204", StringComparison.Ordinal)
            || head.StartsWith("HTTP/1.1 304", StringComparison.Ordinal))
        {
            return true;
        }

        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            var expected = int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            return buffer.Length - Encoding.UTF8.GetByteCount(head) - 4 >= expected;
        }

        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        }

        return false;
    }

    public static Task<Response> GetAsync(Uri baseUrl, string target, CancellationToken cancellationToken, params string[] headers) =>
        SendAsync(baseUrl, $"GET {target} HTTP/1.1", headers, cancellationToken);

    /// <summary>A WebSocket handshake for <paramref name="target"/>.</summary>
    public static Task<Response> UpgradeAsync(Uri baseUrl, string target, CancellationToken cancellationToken, params string[] headers) =>
        SendAsync(baseUrl, $"GET {target} HTTP/1.1", [
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
            .. headers,
        ], cancellationToken);
}
