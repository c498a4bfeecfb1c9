using System.Text;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Notebooks;

public sealed class StripCommandTests
{
    internal const string Executed = """{"cells":[{"cell_type":"code","execution_count":7,"id":"c1","metadata":{"scrolled":true,"tags":["t"]},"outputs":[{"name":"stdout","output_type":"stream","text":"hi\n"}],"source":"print('hi')"}],"metadata":{"kernelspec":{"display_name":"Python 3","language":"python","name":"python3"},"widgets":{"state":{}}},"nbformat":4,"nbformat_minor":5}""";

    internal const string Stripped = """
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": null,
           "id": "c1",
           "metadata": {
            "tags": [
             "t"
            ]
           },
           "outputs": [],
           "source": [
            "print('hi')"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "Python 3",
           "language": "python",
           "name": "python3"
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Strip_Stdin_WritesStrippedCanonicalNotebook()
    {
        var result = await CliRunner.RunAsync(["nb", "strip", "-"], Encoding.UTF8.GetBytes(Executed), Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Stripped, result.StandardOutput);
    }

    [Fact]
    public async Task Strip_KeepOutputAndCount_KeepsBoth()
    {
        var result = await CliRunner.RunAsync(["nb", "strip", "--keep-output", "--keep-count", "-"], Encoding.UTF8.GetBytes(Executed), Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"execution_count\": 7", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"hi\\n\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("widgets", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strip_ExtraAndKeptKeys_AreRepeatableAndSpaceSeparated()
    {
        string[] args = ["nb", "strip", "--extra-keys", "cell.metadata.tags metadata.kernelspec", "--keep-metadata-keys", "metadata.widgets", "-"];

        var result = await CliRunner.RunAsync(args, Encoding.UTF8.GetBytes(Executed), Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("tags", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("kernelspec", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("widgets", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strip_BadStdin_ExitsBadInput_WithNothingOnStdout()
    {
        var result = await CliRunner.RunAsync(["nb", "strip", "-"], Encoding.UTF8.GetBytes("{\"cells\": ["), Ct);

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(result.StandardOutputBytes);
        Assert.Contains("<stdin>", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strip_File_RewritesInPlaceOnce_ThenLeavesItAlone()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.ipynb");
        await File.WriteAllTextAsync(path, Executed, Ct);

        var first = await CliRunner.RunAsync("nb", "strip", path);
        var second = await CliRunner.RunAsync("nb", "strip", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"stripped {path}", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Stripped, await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(string.Empty, second.StandardOutput);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Strip_Check_ReportsAndLeavesFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.ipynb");
        await File.WriteAllTextAsync(path, Executed, Ct);

        var result = await CliRunner.RunAsync("nb", "strip", "--check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"would strip {path}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Executed, await File.ReadAllTextAsync(path, Ct));
    }

    [Fact]
    public async Task Strip_MissingFile_ExitsBadInput()
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync("nb", "strip", dir.File("missing.ipynb"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no such file", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--extra-keys", "foo")]
    [InlineData("--keep-metadata-keys", "cells.x")]
    public async Task Strip_InvalidKey_IsUsageError(string option, string key)
    {
        var result = await CliRunner.RunAsync(["nb", "strip", option, key, "-"], Encoding.UTF8.GetBytes(Executed), Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{key}'", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutputBytes);
    }

    [Fact]
    public async Task Strip_NoFiles_IsUsageError()
    {
        var result = await CliRunner.RunAsync("nb", "strip");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--install", result.StandardError, StringComparison.Ordinal);
    }
}
