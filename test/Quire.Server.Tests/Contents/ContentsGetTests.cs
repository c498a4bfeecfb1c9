using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>GET /api/contents, compared with what jupyter_server 1.23.3/2.x answers for the same requests.</summary>
public sealed partial class ContentsGetTests
{
    private static readonly string[] ModelKeys =
        ["content", "created", "format", "hash", "hash_algorithm", "last_modified", "mimetype", "name", "path", "size", "type", "writable"];

    [Fact]
    public async Task TextFile_HasJupyterServersFieldsAndValues()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "hello\n");
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync("api/contents/a.txt");
        var model = await response.JsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(ModelKeys, model.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("a.txt", model.GetProperty("name").GetString());
        Assert.Equal("a.txt", model.GetProperty("path").GetString());
        Assert.Equal("file", model.GetProperty("type").GetString());
        Assert.Equal("hello\n", model.GetProperty("content").GetString());
        Assert.Equal("text", model.GetProperty("format").GetString());
        Assert.Equal("text/plain", model.GetProperty("mimetype").GetString());
        Assert.Equal(6, model.GetProperty("size").GetInt64());
        Assert.True(model.GetProperty("writable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("hash").ValueKind);
        Assert.Matches(IsoTimestamp(), model.GetProperty("last_modified").GetString());
        Assert.Matches(IsoTimestamp(), model.GetProperty("created").GetString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task WithoutContent_ContentAndFormatAreNull()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "hello\n");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/a.txt?content=0").ExpectAsync(200);

        Assert.Equal(JsonValueKind.Null, model.GetProperty("content").ValueKind);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("format").ValueKind);
        Assert.Equal("text/plain", model.GetProperty("mimetype").GetString());
    }

    [Fact]
    public async Task Base64_IsLaidOutAsPythonsEncodebytes()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var bytes = Enumerable.Range(0, 100).Select(i => (byte)(i + 150)).ToArray();
        File.WriteAllBytes(server.PathOf("b.bin"), bytes);
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/b.bin").ExpectAsync(200);

        // 57 bytes make a 76-character line; every line, the last too, ends with "\n".
        var content = model.GetProperty("content").GetString()!;
        Assert.Equal("base64", model.GetProperty("format").GetString());
        Assert.Equal("application/octet-stream", model.GetProperty("mimetype").GetString());
        Assert.Equal(Convert.ToBase64String(bytes[..57]) + "\n" + Convert.ToBase64String(bytes[57..]) + "\n", content);
    }

    [Fact]
    public async Task TextAskedForNonUtf8_Is400BadFormat()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllBytes(server.PathOf("b.bin"), [0xff, 0xfe, 0x00]);
        using var client = TestHttp.NewClient(server);

        var error = await client.FetchAsync("api/contents/b.bin?format=text").ExpectAsync(400);

        Assert.Equal("b.bin is not UTF-8 encoded", error.GetProperty("message").GetString());
        Assert.Equal("bad format", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TextFileAsBase64_KeepsItsMimetype()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "hello\n");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/a.txt?format=base64").ExpectAsync(200);

        Assert.Equal("aGVsbG8K\n", model.GetProperty("content").GetString());
        Assert.Equal("text/plain", model.GetProperty("mimetype").GetString());
    }

    [Theory]
    [InlineData("api/contents/a.txt?type=directory", "a.txt is not a directory", "bad type")]
    [InlineData("api/contents/sub?type=file", "sub is a directory, not a file", "bad type")]
    [InlineData("api/contents/sub?type=notebook", "sub is a directory, not a notebook", "bad type")]
    [InlineData("api/contents/a.txt?type=bogus", "Type 'bogus' is invalid", null)]
    [InlineData("api/contents/a.txt?format=bogus", "Format 'bogus' is invalid", null)]
    [InlineData("api/contents/a.txt?content=2", "Content '2' is invalid", null)]
    [InlineData("api/contents/a.txt?hash=2", "Hash argument '2' is invalid. It must be '0' or '1'.", null)]
    public async Task BadQuery_Is400WithJupyterMessage(string url, string message, string? reason)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "hello\n");
        Directory.CreateDirectory(server.PathOf("sub"));
        using var client = TestHttp.NewClient(server);

        var error = await client.FetchAsync(url).ExpectAsync(400);

        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(reason, error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Hash_IsSha256OfTheBytes()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "hello\n");
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);

        var file = await client.FetchAsync("api/contents/a.txt?hash=1&content=0").ExpectAsync(200);
        var notebook = await client.FetchAsync("api/contents/n.ipynb?hash=1").ExpectAsync(200);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hello\n"u8)), file.GetProperty("hash").GetString());
        Assert.Equal("sha256", file.GetProperty("hash_algorithm").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NotebookJson.Minimal))), notebook.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Missing_Is404WithJupyterMessage()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        var error = await client.FetchAsync("api/contents/nope.txt").ExpectAsync(404);

        Assert.Equal("file or directory does not exist: 'nope.txt'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Directory_ListsSortedEntriesWithoutContent_NorHiddenNorNoise()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub/inner"));
        File.WriteAllText(server.PathOf("sub/b.py"), "x = 1\n");
        File.WriteAllText(server.PathOf("sub/a.ipynb"), NotebookJson.Minimal);
        File.WriteAllText(server.PathOf("sub/.secret"), "s");
        File.WriteAllText(server.PathOf("sub/c.pyc"), "s");
        File.WriteAllText(server.PathOf("sub/d.txt~"), "s");
        Directory.CreateDirectory(server.PathOf("sub/__pycache__"));
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/sub").ExpectAsync(200);

        Assert.Equal("directory", model.GetProperty("type").GetString());
        Assert.Equal("json", model.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("size").ValueKind);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("mimetype").ValueKind);
        var entries = model.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["a.ipynb", "b.py", "inner"], entries.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["sub/a.ipynb", "sub/b.py", "sub/inner"], entries.Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(["notebook", "file", "directory"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("content").ValueKind));
        Assert.Equal("text/x-python", entries[1].GetProperty("mimetype").GetString());
    }

    [Fact]
    public async Task Root_IsTheEmptyPath()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "x");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents").ExpectAsync(200);
        var slash = await client.FetchAsync("api/contents/").ExpectAsync(200);

        Assert.Equal(string.Empty, model.GetProperty("name").GetString());
        Assert.Equal(string.Empty, model.GetProperty("path").GetString());
        Assert.Equal("a.txt", model.GetProperty("content")[0].GetProperty("name").GetString());
        Assert.Equal(string.Empty, slash.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Notebook_IsJsonWithCodeCellsMarkedUntrusted()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.WithCode);
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        Assert.Equal("notebook", model.GetProperty("type").GetString());
        Assert.Equal("json", model.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("mimetype").ValueKind);
        var cells = model.GetProperty("content").GetProperty("cells");
        Assert.Equal("print(1)\nprint(2)", cells[0].GetProperty("source").GetString());
        Assert.False(cells[0].GetProperty("metadata").GetProperty("trusted").GetBoolean());
        Assert.False(cells[1].GetProperty("metadata").TryGetProperty("trusted", out _));
        Assert.False(model.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task NotebookAsFile_IsItsText()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/n.ipynb?type=file").ExpectAsync(200);

        Assert.Equal("file", model.GetProperty("type").GetString());
        Assert.Equal(NotebookJson.Minimal, model.GetProperty("content").GetString());
    }

    [Fact]
    public async Task InvalidNotebook_IsServedWithAValidationMessage()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), """{"cells": [{"cell_type": "code", "source": "x", "id": "a"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        using var client = TestHttp.NewClient(server);

        var model = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(200);

        Assert.StartsWith("Notebook validation failed: ", model.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("outputs", model.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableNotebook_Is400()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("n.ipynb"), "{not json");
        using var client = TestHttp.NewClient(server);

        var error = await client.FetchAsync("api/contents/n.ipynb").ExpectAsync(400);

        Assert.StartsWith("Unreadable Notebook: n.ipynb", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$")]
    private static partial Regex IsoTimestamp();
}
