using System.Text;
using System.Text.Json;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Contents;

/// <summary>PUT /api/contents: saves, creations, notebooks written as nbformat writes them, chunked uploads.</summary>
public sealed class ContentsSaveTests
{
    [Fact]
    public async Task Put_Creates201ThenSaves200_WithLocationAndNoContent()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var created = await client.PutJsonAsync("api/contents/new.txt", new { type = "file", format = "text", content = "x\ny" });
        using var saved = await client.PutJsonAsync("api/contents/new.txt", new { type = "file", format = "text", content = "z" });

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal(200, (int)saved.StatusCode);
        Assert.Equal("/api/contents/new.txt", saved.Headers.Location?.OriginalString);
        var model = await saved.JsonAsync();
        Assert.Equal(1, model.GetProperty("size").GetInt64());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("content").ValueKind);
        Assert.Equal("z", File.ReadAllText(server.PathOf("new.txt")));
    }

    [Fact]
    public async Task Text_IsSavedByteForByte()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        const string text = "line one\r\nłódź ☃ 😀\n\ttab \"quoted\" \\ back\n";

        await client.PutJsonAsync("api/contents/t.txt", new { type = "file", format = "text", content = text }).ExpectAsync(201);
        var model = await client.FetchAsync("api/contents/t.txt").ExpectAsync(200);

        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(server.PathOf("t.txt")));
        Assert.Equal(text, model.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Base64_RoundTripsBinary_WithLineBreaksAccepted()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();
        var encoded = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);

        await client.PutJsonAsync("api/contents/b.bin", new { type = "file", format = "base64", content = encoded }).ExpectAsync(201);
        var model = await client.FetchAsync("api/contents/b.bin").ExpectAsync(200);

        Assert.Equal(bytes, File.ReadAllBytes(server.PathOf("b.bin")));
        Assert.Equal(bytes, Convert.FromBase64String(model.GetProperty("content").GetString()!));
    }

    [Theory]
    [InlineData("""{"type": "file", "format": "base64", "content": "!!!"}""", "Encoding error saving bad.bin: the content is not valid base64")]
    [InlineData("""{"type": "file", "content": "x"}""", "Must specify format of file contents as 'text' or 'base64'")]
    [InlineData("""{"type": "file", "format": "text", "content": 5}""", "Encoding error saving bad.bin: the content of a file is a string, not integer")]
    [InlineData("""{"type": "weird", "format": "text", "content": "x"}""", "Unhandled contents type: weird")]
    [InlineData("""{"copy_from": "a.txt"}""", "Cannot copy with PUT, only POST")]
    [InlineData("""{"type": "notebook", "content": "text"}""", "The content of notebook bad.bin must be a JSON object, not string")]
    [InlineData("""{"type": "notebook", "content": {"cells": []}}""", "Notebook bad.bin must be nbformat 4 (its nbformat is missing)")]
    [InlineData("""{"type": "notebook", "content": {}, "chunk": 1}""", "File type \"notebook\" is not supported for large file transfer")]
    [InlineData("""{"type": "file", "format": "text", "content": "x", "chunk": 0}""", "'chunk' must be 1, 2, … or -1 for the last chunk")]
    public async Task BadModels_Are400_AndWriteNothing(string body, string message)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var response = await client.PutAsync(new Uri("api/contents/bad.bin", UriKind.Relative), TestHttp.RawJson(body), TestHttp.Ct);

        Assert.Equal(message, await response.ErrorMessageAsync(400));
        Assert.False(File.Exists(server.PathOf("bad.bin")));
    }

    [Fact]
    public async Task SavingAnExistingFile_NeedsTypeAndContent()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "keep");
        using var client = TestHttp.NewClient(server);

        var noType = await client.PutJsonAsync("api/contents/a.txt", new { format = "text", content = "x" }).ExpectAsync(400);
        var noContent = await client.PutJsonAsync("api/contents/a.txt", new { type = "file", format = "text" }).ExpectAsync(400);

        Assert.Equal("No file type provided", noType.GetProperty("message").GetString());
        Assert.Equal("No file content provided", noContent.GetProperty("message").GetString());
        Assert.Equal("keep", File.ReadAllText(server.PathOf("a.txt")));
    }

    [Fact]
    public async Task NewFileWithoutContentOrType_GetsJupyterServersDefaults()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        await client.PutJsonAsync("api/contents/empty.txt", new { type = "file", format = "text" }).ExpectAsync(201);
        await client.PutJsonAsync("api/contents/untyped.txt", new { format = "text", content = "x" }).ExpectAsync(201);
        var notebook = await client.PutJsonAsync("api/contents/new.ipynb", new { type = "notebook" }).ExpectAsync(201);

        Assert.Equal(string.Empty, File.ReadAllText(server.PathOf("empty.txt")));
        Assert.Equal("x", File.ReadAllText(server.PathOf("untyped.txt")));
        Assert.Equal(NotebookJson.Minimal, File.ReadAllText(server.PathOf("new.ipynb")));
        Assert.Equal(72, notebook.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task PutWithoutBody_CreatesUntitledInTheDirectory()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("sub"));
        using var client = TestHttp.NewClient(server);

        var model = await client.PutAsync(new Uri("api/contents/sub", UriKind.Relative), null, TestHttp.Ct).ExpectAsync(201);
        var notADirectory = await client.PutAsync(new Uri("api/contents/empty.txt", UriKind.Relative), null, TestHttp.Ct).ExpectAsync(404);

        Assert.Equal("sub/untitled", model.GetProperty("path").GetString());
        Assert.Equal("No such directory: empty.txt", notADirectory.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Directories_AreCreatedAndRecreatedQuietly_ButNotOverFiles()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("a.txt"), "a");
        using var client = TestHttp.NewClient(server);

        var first = await client.PutJsonAsync("api/contents/d", new { type = "directory" }).ExpectAsync(201);
        await client.PutJsonAsync("api/contents/d", new { type = "directory" }).ExpectAsync(201);
        var overFile = await client.PutJsonAsync("api/contents/a.txt", new { type = "directory" }).ExpectAsync(400);
        var missingParent = await client.PutJsonAsync("api/contents/x/y.txt", new { type = "file", format = "text", content = "y" }).ExpectAsync(404);

        Assert.Equal("directory", first.GetProperty("type").GetString());
        Assert.True(Directory.Exists(server.PathOf("d")));
        Assert.Equal("Not a directory: a.txt", overFile.GetProperty("message").GetString());
        Assert.Equal("No such directory: x", missingParent.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("api/contents", """{"type": "file", "format": "text", "content": "x"}""", "The root is a directory")]
    [InlineData("api/contents/d", """{"type": "notebook", "content": {"nbformat": 4}}""", "d is a directory")]
    [InlineData("api/contents/d", """{"type": "file", "format": "text", "content": "x", "chunk": 1}""", "d is a directory")]
    public async Task FilesOverDirectories_AreRefused_WithoutWritingBesideThem(string url, string body, string message)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        Directory.CreateDirectory(server.PathOf("d"));
        var parent = Path.GetDirectoryName(server.Root)!;
        var before = Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal).ToList();
        using var client = TestHttp.NewClient(server);

        using var response = await client.PutAsync(new Uri(url, UriKind.Relative), TestHttp.RawJson(body), TestHttp.Ct);

        Assert.Equal(message, await response.ErrorMessageAsync(400));
        Assert.Equal(before, Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal));
        Assert.Equal(["d"], Directory.GetFileSystemEntries(server.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Notebook_IsWrittenAsNbformatWritesIt_AndGetsACheckpoint()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var content = JsonDocument.Parse(NotebookJson.WithCode).RootElement;

        var model = await client.PutJsonAsync("api/contents/n.ipynb", new { type = "notebook", format = "json", content }).ExpectAsync(201);

        Assert.Equal(NotebookJson.WithCode, File.ReadAllText(server.PathOf("n.ipynb")));
        Assert.False(model.TryGetProperty("message", out _));
        Assert.True(File.Exists(server.PathOf(".ipynb_checkpoints/n-checkpoint.ipynb")));
    }

    [Fact]
    public async Task NotebookWithJoinedSources_IsSplitIntoLinesOnDisk()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var joined = JsonSerializer.Deserialize<JsonElement>(
            """{"cells": [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "a\nb"}], "metadata": {"z": 1, "a": "é"}, "nbformat": 4, "nbformat_minor": 5}""");

        await client.PutJsonAsync("api/contents/n.ipynb", new { type = "notebook", content = joined }).ExpectAsync(201);

        const string expected = "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"m\",\n   \"metadata\": {},\n   \"source\": [\n    \"a\\n\",\n    \"b\"\n   ]\n  }\n ],\n \"metadata\": {\n  \"a\": \"é\",\n  \"z\": 1\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
        Assert.Equal(expected, File.ReadAllText(server.PathOf("n.ipynb")));
    }

    [Fact]
    public async Task InvalidNotebook_IsSaved_WithTheValidationErrorInMessage()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);
        var invalid = JsonSerializer.Deserialize<JsonElement>("""{"cells": [{"cell_type": "code", "id": "c", "source": "x"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");

        var model = await client.PutJsonAsync("api/contents/n.ipynb", new { type = "notebook", content = invalid }).ExpectAsync(201);

        Assert.StartsWith("Notebook validation failed: ", model.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("metadata", model.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(server.PathOf("n.ipynb")));
    }

    [Fact]
    public async Task ChunkedUpload_Assembles_AndLeavesTheOldFileUntilTheLastChunk()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("big.txt"), "old");
        File.WriteAllText(server.PathOf("other.txt"), "x");
        using var client = TestHttp.NewClient(server);

        using var first = await client.PutJsonAsync("api/contents/big.txt", new { type = "file", format = "text", content = "aa", chunk = 1 });
        using var second = await client.PutJsonAsync("api/contents/big.txt", new { type = "file", format = "base64", content = "YmI=", chunk = 2 });
        var whileUploading = File.ReadAllText(server.PathOf("big.txt"));
        var listing = await client.FetchAsync("api/contents").ExpectAsync(200);
        using var last = await client.PutJsonAsync("api/contents/big.txt", new { type = "file", format = "text", content = "cc", chunk = -1 });

        Assert.Equal([200, 200, 200], new[] { (int)first.StatusCode, (int)second.StatusCode, (int)last.StatusCode });
        Assert.Equal(4, (await second.JsonAsync()).GetProperty("size").GetInt64());
        Assert.Equal("old", whileUploading);
        Assert.Equal(["big.txt", "other.txt"], listing.GetProperty("content").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("aabbcc", File.ReadAllText(server.PathOf("big.txt")));
        await server.ContentsReleasedAsync();
        Assert.Equal(["big.txt", "other.txt"], Directory.GetFiles(server.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChunkedUploadOfANewFile_Is201Then200()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        using var first = await client.PutJsonAsync("api/contents/new.bin", new { type = "file", format = "base64", content = "AAE=", chunk = 1 });
        var exists = File.Exists(server.PathOf("new.bin"));
        using var last = await client.PutJsonAsync("api/contents/new.bin", new { type = "file", format = "base64", content = "Ag==", chunk = -1 });

        Assert.Equal(201, (int)first.StatusCode);
        Assert.Equal(200, (int)last.StatusCode);
        Assert.False(exists, "the file appears whole with the last chunk");
        Assert.Equal(new byte[] { 0, 1, 2 }, File.ReadAllBytes(server.PathOf("new.bin")));
    }
}
