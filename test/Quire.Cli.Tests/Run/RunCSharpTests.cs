using Quire.Cli.Tests.Infrastructure;
using static Quire.Cli.Tests.Run.RunNotebooks;

namespace Quire.Cli.Tests.Run;

/// <summary><c>quire run</c> with Quire's own C# kernel (always available, installed or not) and <c>--read-values</c>.</summary>
public sealed class RunCSharpTests
{
    [Fact]
    public async Task CSharp_parameters_and_recorded_values_round_trip_through_read_values()
    {
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "csharp", "csharp",
            Cell("var count = 1;\nvar label = \"default\";", "parameters"),
            Cell("Record(\"total\", count * 2);\nRecord(\"label\", label);\nConsole.WriteLine($\"{count.GetType().Name} {label}\");"));

        var run = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "-p", "count", "21", "-p", "label", "quote\" {brace} \\ $x"],
            cancellationToken: TestContext.Current.CancellationToken);
        var values = await CliRunner.RunAsync(["run", "--read-values", dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("total = 42\nlabel = \"quote\\\" {brace} \\\\ $x\"\nInt32 quote\" {brace} \\ $x\n", Text(Read(dir.File("out.ipynb")), 2));
        Assert.True(values.ExitCode == 0, values.ToString());
        Assert.Equal("{\"label\": \"quote\\\" {brace} \\\\ $x\", \"total\": 42}\n", values.StandardOutput);
    }

    [Fact]
    public async Task Read_values_of_a_missing_file_exits_3()
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(["run", "--read-values", dir.File("nope.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("nope.ipynb: no such file", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_input_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["run"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("INPUT is required", result.StandardError, StringComparison.Ordinal);
    }
}
