using System.Text;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Kernels;

/// <summary><c>quire console</c> with standard input piped in: all of it is one cell run on a real ipykernel.</summary>
public sealed class ConsoleCommandTests
{
    private static Task<CliResult> PipeAsync(string code, params string[] args) =>
        CliRunner.RunAsync(["console", .. args], Encoding.UTF8.GetBytes(code), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Print_GoesToStandardOutput()
    {
        TestRequirements.Ipykernel();

        var result = await PipeAsync("print(6*7)", "--kernel", "python3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("42\n", result.StandardOutput);
    }

    [Fact]
    public async Task WholeInput_IsOneCell_WhoseResultIsPrintedBare()
    {
        TestRequirements.Ipykernel();

        // The last line's value is the cell's result only when the lines run as one cell.
        var result = await PipeAsync("x = 19\nfor i in range(2):\n    x += 1\nx * 2\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("42\n", result.StandardOutput);
    }

    [Fact]
    public async Task StandardErrorStream_GoesToStandardError()
    {
        TestRequirements.Ipykernel();

        var result = await PipeAsync("import sys\nprint('out')\nprint('warned', file=sys.stderr)");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Contains("warned", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaisingCell_ExitsOne_WithTracebackOnStandardError()
    {
        TestRequirements.Ipykernel();

        var result = await PipeAsync("print('before')\n1/0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("before\n", result.StandardOutput);
        Assert.Contains("ZeroDivisionError", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKernel_ExitsThree_ListingTheInstalledOnes()
    {
        TestRequirements.Ipykernel();

        var result = await PipeAsync("print(1)", "--kernel", "no-such-kernel");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("no kernelspec named 'no-such-kernel'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("python3", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task KernelDyingMidCell_FailsWithAMessage()
    {
        TestRequirements.Ipykernel();

        var result = await PipeAsync("import os\nos._exit(7)");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("the kernel died", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KernelAndExisting_Together_AreAUsageError()
    {
        var result = await PipeAsync("print(1)", "--kernel", "python3", "--existing", "kernel-1.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--kernel and --existing cannot be used together", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConnectionFile_ExitsThree()
    {
        using var dir = new TempDirectory();

        var result = await PipeAsync("print(1)", "--existing", dir.File("kernel-gone.json"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cannot read connection file", result.StandardError, StringComparison.Ordinal);
    }
}
