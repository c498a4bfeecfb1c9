using System.Text;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class FmtCommandTests
{
    private const string Compact = """{"cells":[{"cell_type":"markdown","id":"a1","metadata":{},"source":"# Title\nText"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";

    private const string Canonical = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "a1",
           "metadata": {},
           "source": [
            "# Title\n",
            "Text"
           ]
          }
         ],
         "metadata": {},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    [Fact]
    public async Task Fmt_Stdin_WritesCanonicalFormToStdout()
    {
        var result = await CliRunner.RunAsync(["nb", "fmt", "-"], Encoding.UTF8.GetBytes(Compact), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Canonical, result.StandardOutput);
    }

    [Fact]
    public async Task Fmt_Check_ReportsFileThatWouldChange_AndLeavesIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.ipynb");
        await File.WriteAllTextAsync(path, Compact, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("nb", "fmt", "--check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("would reformat", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Compact, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fmt_File_RewritesInPlace_ThenCheckPasses()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.ipynb");
        await File.WriteAllTextAsync(path, Compact, TestContext.Current.CancellationToken);

        var first = await CliRunner.RunAsync("nb", "fmt", path);
        var second = await CliRunner.RunAsync("nb", "fmt", "--check", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(Canonical, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public async Task Fmt_Upgrade_AddsCellIdsAndMinorVersion()
    {
        const string old = """{"cells":[{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":"1"}],"metadata":{},"nbformat":4,"nbformat_minor":2}""";

        var result = await CliRunner.RunAsync(["nb", "fmt", "--upgrade", "-"], Encoding.UTF8.GetBytes(old), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("\"id\": \"[0-9a-f]{8}\"", result.StandardOutput);
        Assert.Contains("\"nbformat_minor\": 5", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fmt_NotJson_ExitsWithBadInputAndNamesLineAndColumn()
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.ipynb");
        await File.WriteAllTextAsync(path, "{\n \"cells\": [\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("nb", "fmt", path);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{path}:3:", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("{\n \"cells\": [\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fmt_UnknownOption_IsUsageError()
    {
        var result = await CliRunner.RunAsync("nb", "fmt", "--frobnicate", "x.ipynb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.StandardError, StringComparison.Ordinal);
    }
}
