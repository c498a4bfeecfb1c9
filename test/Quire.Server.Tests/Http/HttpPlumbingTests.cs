using System.Net;
using Quire.Server.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Http;

public sealed class HttpPlumbingTests
{
    [Theory]
    [InlineData("a.txt", "'a.txt'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("it's \"x\"", "'it\\'s \"x\"'")]
    [InlineData("a\nb\\c", "'a\\nb\\\\c'")]
    [InlineData("nul\0", "'nul\\x00'")]
    public void PythonRepr_QuotesAsPython(string value, string expected) => Assert.Equal(expected, PythonRepr.Of(value));

    [Fact]
    public void Timestamps_AreWrittenAsPythonIsoformat()
    {
        Assert.Equal("2024-05-01T12:00:00Z", JupyterTimestamp.Iso(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2024-05-01T12:00:00.123456Z", JupyterTimestamp.Iso(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567)));
        Assert.Equal("Wed, 01 May 2024 12:00:00 GMT", JupyterTimestamp.Http(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task MalformedJson_Is400_WithJupyterMessage()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var response = await client.PutAsync(new Uri("api/contents/x.txt", UriKind.Relative), TestHttp.RawJson("{\"type\": \"file\","), TestHttp.Ct);

        Assert.Equal("Invalid JSON in body of request", await response.ErrorMessageAsync(400));
        Assert.False(File.Exists(server.PathOf("x.txt")));
    }

    [Fact]
    public async Task JsonThatIsNotAnObject_Is400()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var response = await client.PutAsync(new Uri("api/contents/x.txt", UriKind.Relative), TestHttp.RawJson("[1, 2]"), TestHttp.Ct);

        Assert.Contains("must be a JSON object", await response.ErrorMessageAsync(400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413_WithJsonError_AndNothingIsWritten()
    {
        await using var server = await ServerHost.StartAsync(o => o with { MaxBodySize = 1024 }, cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var response = await client.PutJsonAsync("api/contents/big.txt", new { type = "file", format = "text", content = new string('x', 4096) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("message").GetString()));
        Assert.False(File.Exists(server.PathOf("big.txt")));
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413()
    {
        await using var server = await ServerHost.StartAsync(o => o with { MaxBodySize = 1024 }, cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new { type = "file", format = "text", content = new string('x', 4096) }))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/contents/big.txt") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, TestHttp.Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(File.Exists(server.PathOf("big.txt")));
    }
}
