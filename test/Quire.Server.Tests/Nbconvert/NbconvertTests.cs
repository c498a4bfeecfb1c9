using Quire.Server.Tests.Contents;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Nbconvert;

/// <summary>GET /nbconvert/{format}/{path}: the saved notebook converted, sanitized, sandboxed, behind the contents rules.</summary>
public sealed class NbconvertTests
{
    private const string Hostile = """
        {
         "cells": [
          {
           "cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {}, "source": ["6 * 7"],
           "outputs": [
            {"data": {"text/html": ["<b id=\"kept\">bold</b><script>window.pwned = 1</script><img src=x onerror=\"pwned()\">"]},
             "execution_count": 1, "metadata": {}, "output_type": "execute_result"}
           ]
          }
         ],
         "metadata": {"language_info": {"name": "python", "file_extension": ".py"}},
         "nbformat": 4, "nbformat_minor": 5
        }
        """;

    [Fact]
    public async Task Html_IsTheSavedNotebookSanitized_AndSandboxedAsUserContent()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("report.ipynb"), Hostile);
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync("nbconvert/html/report.ipynb");
        var html = await response.Content.ReadAsStringAsync(TestHttp.Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"kept\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("window.pwned", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.Contains("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("nbconvert/html/report.ipynb?download=true", "report.html")]
    [InlineData("nbconvert/script/report.ipynb?download=true", "report.py")]
    public async Task Download_NamesTheFileAsNbconvertDoes(string url, string fileName)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("report.ipynb"), Hostile);
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync(url);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"attachment; filename*=utf-8''{fileName}", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Theory]
    [InlineData("nbconvert/html/missing.ipynb", 404)]
    [InlineData("nbconvert/html/notes.txt", 404)]
    [InlineData("nbconvert/pdf/report.ipynb", 404)]
    [InlineData("nbconvert/html/..%2F..%2Fetc%2Fpasswd", 404)]
    [InlineData("nbconvert/html/broken.ipynb", 400)]
    public async Task BadRequests_AreRefusedWithJupyterErrors(string url, int status)
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("report.ipynb"), Hostile);
        File.WriteAllText(server.PathOf("notes.txt"), "text");
        File.WriteAllText(server.PathOf("broken.ipynb"), "{ not json");
        using var client = TestHttp.NewClient(server);

        using var response = await client.FetchAsync(url);

        Assert.True(status == (int)response.StatusCode, $"expected {status} for {url}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestHttp.Ct)}");
    }

    [Fact]
    public async Task WithoutAToken_NothingIsConverted_TheBrowserIsSentToLogin()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        File.WriteAllText(server.PathOf("report.ipynb"), NotebookJson.Minimal);
        using var client = TestHttp.NewClient(server, token: null);

        using var response = await client.FetchAsync("nbconvert/html/report.ipynb");

        Assert.Equal(302, (int)response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(TestHttp.Ct), StringComparison.OrdinalIgnoreCase);
    }
}
