using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Hosting;

public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        using var devNull = new MemoryStream();
        var root = QuireCli.Create(new CliConsole(devNull, devNull, TextWriter.Null, colors: false));
        Walk(root, string.Empty, data);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task EveryCommand_HasHelp_ThatDescribesIt(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await CliRunner.RunAsync(args, stdin: null, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Description:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_DocumentsExitCodes()
    {
        var result = await CliRunner.RunAsync(["--help"], stdin: null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes: 0 success", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nb", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError()
    {
        var result = await CliRunner.RunAsync(["nb", "frobnicate"], stdin: null, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("quire nb --help", result.StandardError, StringComparison.Ordinal);
    }

    private static void Walk(Command command, string path, TheoryData<string> data)
    {
        data.Add(path);
        foreach (var sub in command.Subcommands)
        {
            Walk(sub, $"{path} {sub.Name}".Trim(), data);
        }
    }
}
