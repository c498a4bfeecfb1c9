using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Quire.Benchmarks.Server;

/// <summary>
/// The one HTTP client of the benchmark (the same code for both servers): token in the Authorization header, no
/// compression asked for, keep-alive connections, as many as there are concurrent requests.
/// </summary>
internal sealed class ServerApi : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    public ServerApi(ServerProcess server)
    {
        Server = server;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
        };
        _http = new HttpClient(handler) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", server.Token);
    }

    public ServerProcess Server { get; }

    /// <summary>GET of a notebook with its content, read to the last byte; returns the bytes received.</summary>
    public async Task<long> GetNotebookAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(ContentsUri(name), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET {name}").ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await Drain(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET of a notebook's model, parsed (to check what a server returns, not timed).</summary>
    public async Task<JsonDocument> GetModelAsync(string name)
    {
        using var response = await _http.GetAsync(ContentsUri(name)).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET {name}").ConfigureAwait(false);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    /// <summary>PUT (save) of a notebook: <c>{"type": "notebook", "format": "json", "content": …}</c>; returns the reply model.</summary>
    public async Task<byte[]> PutNotebookAsync(string name, ReadOnlyMemory<byte> body)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PutAsync(ContentsUri(name), content).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, $"PUT {name}").ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    /// <summary>The body of a save of <paramref name="notebook"/> (the file's bytes), as JupyterLab sends it.</summary>
    public static byte[] SaveBody(byte[] notebook)
    {
        var head = """{"type": "notebook", "format": "json", "content": """u8;
        return [.. head, .. notebook, .. "}"u8];
    }

    /// <summary>POST /api/kernels for <paramref name="name"/>; returns the new kernel's id.</summary>
    public async Task<string> StartKernelAsync(string name)
    {
        var (id, error) = await TryStartKernelAsync(name).ConfigureAwait(false);
        return id ?? throw new InvalidOperationException($"{Server.Label}: POST api/kernels failed: {error}");
    }

    /// <summary>POST /api/kernels for <paramref name="name"/>: the new kernel's id, or the server's 5xx message.</summary>
    public async Task<(string? Id, string? Error)> TryStartKernelAsync(string name)
    {
        using var content = new StringContent($$"""{"name": "{{name}}"}""", Encoding.UTF8, Json);
        using var response = await _http.PostAsync(new Uri("api/kernels", UriKind.Relative), content).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500)
        {
            return (null, $"{(int)response.StatusCode} {Message(await response.Content.ReadAsStringAsync().ConfigureAwait(false))}");
        }

        await ExpectAsync(response, HttpStatusCode.Created, "POST api/kernels").ConfigureAwait(false);
        using var model = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        return (model.RootElement.GetProperty("id").GetString() ?? throw new InvalidOperationException($"{Server.Label}: a kernel model without id"), null);
    }

    /// <summary>The kernel's <c>execution_state</c> as GET /api/kernels/{id} reports it.</summary>
    public async Task<string> KernelStateAsync(string kernelId)
    {
        using var response = await _http.GetAsync(KernelUri(kernelId)).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET api/kernels/{kernelId}").ConfigureAwait(false);
        using var model = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        return model.RootElement.GetProperty("execution_state").GetString() ?? string.Empty;
    }

    public async Task DeleteKernelAsync(string kernelId)
    {
        if (!await TryDeleteKernelAsync(kernelId).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{Server.Label}: DELETE api/kernels/{kernelId} answered 404: the server no longer has the kernel");
        }
    }

    /// <summary>DELETE of a kernel; false when the server answers 404 (it no longer has the kernel: it died and was dropped).</summary>
    public async Task<bool> TryDeleteKernelAsync(string kernelId)
    {
        using var response = await _http.DeleteAsync(KernelUri(kernelId)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await ExpectAsync(response, HttpStatusCode.NoContent, $"DELETE api/kernels/{kernelId}").ConfigureAwait(false);
        return true;
    }

    /// <summary>The kernel's WebSocket URL, with a session id as JupyterLab sends it.</summary>
    public Uri ChannelsUri(string kernelId, string sessionId) =>
        new UriBuilder(new Uri(Server.BaseUrl, $"api/kernels/{Uri.EscapeDataString(kernelId)}/channels?session_id={Uri.EscapeDataString(sessionId)}"))
        {
            Scheme = "ws",
        }.Uri;

    public void Dispose() => _http.Dispose();

    // jupyter_server's and Quire's error bodies carry the reason in "message"; anything else is shown as it came.
    private static string Message(string body)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            return error.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static Uri ContentsUri(string name) => new($"api/contents/{Uri.EscapeDataString(name)}", UriKind.Relative);

    private static Uri KernelUri(string kernelId) => new($"api/kernels/{Uri.EscapeDataString(kernelId)}", UriKind.Relative);

    private static async Task<long> Drain(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{Server.Label}: {what} answered {(int)response.StatusCode} (expected {(int)expected}): {body[..Math.Min(body.Length, 4000)]}");
        }
    }
}
