using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Http;

/// <summary>Requests as a test writes them: JSON bodies from anonymous objects, JSON answers as elements, no cookie jar.</summary>
internal static class TestHttp
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client that keeps no cookies (tests send the ones they mean to), with the token unless told otherwise.</summary>
    public static HttpClient NewClient(ServerHost server, string? token = ServerHost.TestToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        }

        return client;
    }

    public static HttpContent Json(object body) => new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static HttpContent RawJson(string body) => new StringContent(body, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> FetchAsync(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsync(new Uri(path, UriKind.Relative), Json(body), Ct);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body) =>
        client.PostAsync(new Uri(path, UriKind.Relative), body is null ? null : Json(body), Ct);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body) =>
        client.PatchAsync(new Uri(path, UriKind.Relative), Json(body), Ct);

    public static Task<HttpResponseMessage> DeletePathAsync(this HttpClient client, string path) => client.DeleteAsync(new Uri(path, UriKind.Relative), Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"expected JSON from {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}), got: {text}", ex);
        }
    }

    /// <summary>The status and the JSON error message of a refusal.</summary>
    public static async Task<string> ErrorMessageAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.JsonAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return body.GetProperty("message").GetString()!;
    }

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> request, int status)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        if (text.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The value of a Set-Cookie for <paramref name="name"/> (null when none was set).</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The cookie's value from a Set-Cookie header line.</summary>
    public static string CookieValue(string setCookie) => setCookie[(setCookie.IndexOf('=', StringComparison.Ordinal) + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];
}
