using System.Text.Json;
using Quire.Cli.Tests.Infrastructure;
using Quire.Notebook;
using Quire.Notebook.Json;
using static Quire.Cli.Tests.Run.RunNotebooks;

namespace Quire.Cli.Tests.Run;

/// <summary><c>quire run</c> end to end with Debian's ipykernel: parameters, files, failures and their exit codes.</summary>
public sealed class RunCommandTests
{
    private const string Echo = "import json\nprint(json.dumps({n: [repr(globals()[n]), type(globals()[n]).__name__] for n in NAMES}))";

    [Fact]
    public async Task Parameters_from_p_r_and_a_yaml_file_are_injected_typed_after_the_parameters_cell()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python",
            Cell("count = 0\nNAMES = ['count', 'ratio', 'flag', 'nothing', 'raw', 'word', 'nested', 'from_file']", "parameters"),
            Cell(Echo));
        await File.WriteAllTextAsync(dir.File("p.yaml"), "from_file: 1\nnested:\n  list: [1, two, {deep: true}]\nword: overridden\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(
            ["run", input, dir.File("out.ipynb"), "-f", dir.File("p.yaml"), "-p", "count", "3", "-p", "ratio", "0.5", "-p", "flag", "False", "-p", "nothing", "None",
             "-r", "raw", "42", "-p", "word", "hello"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = Read(dir.File("out.ipynb"));
        Assert.Equal(["parameters"], output.Cells[0].Tags);
        Assert.Equal(["injected-parameters"], output.Cells[1].Tags);
        var echoed = JsonDocument.Parse(Text(output, 2)).RootElement;
        string Echoed(string name) => string.Join(" ", echoed.GetProperty(name).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("3 int", Echoed("count"));
        Assert.Equal("0.5 float", Echoed("ratio"));
        Assert.Equal("False bool", Echoed("flag"));
        Assert.Equal("None NoneType", Echoed("nothing"));
        Assert.Equal("'42' str", Echoed("raw"));
        Assert.Equal("'hello' str", Echoed("word"));
        Assert.Equal("{'list': [1, 'two', {'deep': True}]} dict", Echoed("nested"));
        Assert.Equal("1 int", Echoed("from_file"));
        Assert.Equal(
            """{"count": 3, "flag": false, "from_file": 1, "nested": {"list": [1, "two", {"deep": true}]}, "nothing": null, "ratio": 0.5, "raw": "42", "word": "hello"}""",
            JsonText.ToCompactString(output.Metadata.GetObject("papermill")!["parameters"]!));
    }

    [Fact]
    public async Task A_json_parameters_file_keeps_its_nesting()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("NAMES = ['config']", "parameters"), Cell(Echo));
        await File.WriteAllTextAsync(dir.File("p.json"), """{"config": {"a": [1, 2.5, null, "x"], "b": {"c": false}}}""", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "-f", dir.File("p.json")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{'a': [1, 2.5, None, 'x'], 'b': {'c': False}}", Text(Read(dir.File("out.ipynb")), 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerunning_an_output_notebook_replaces_its_injected_cell()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("x = 0", "parameters"), Cell("print(x)"));
        var first = await CliRunner.RunAsync(["run", input, dir.File("once.ipynb"), "-p", "x", "1"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await CliRunner.RunAsync(["run", dir.File("once.ipynb"), dir.File("twice.ipynb"), "-p", "x", "2"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(second.ExitCode == 0, second.ToString());
        var output = Read(dir.File("twice.ipynb"));
        Assert.Equal(3, output.Cells.Length);
        Assert.Equal("# Parameters\nx = 2\n", output.Cells[1].Source);
        Assert.Equal("2\n", Text(output, 2));
    }

    [Fact]
    public async Task A_cell_error_exits_5_and_still_writes_the_output_up_to_the_error()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print('ok')"), Cell("raise RuntimeError('boom')"), Cell("print('never')"));

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == ExitCodes.CellError, result.ToString());
        Assert.Contains("cell 1 (id cell1) raised RuntimeError: boom", result.StandardError, StringComparison.Ordinal);
        var output = Read(dir.File("out.ipynb"));

        // papermill's error markers around the run's cells: [banner, ok, anchor, boom, never].
        Assert.Contains("An Exception was encountered at", output.Cells[0].Source, StringComparison.Ordinal);
        Assert.Equal("ok\n", Text(output, 1));
        Assert.Contains("id=\"papermill-error-cell\"", output.Cells[2].Source, StringComparison.Ordinal);
        Assert.Contains("RuntimeError: boom", Text(output, 3), StringComparison.Ordinal);
        Assert.Empty(((CodeCell)output.Cells[4]).Outputs);
    }

    [Fact]
    public async Task With_allow_errors_the_run_completes_and_exits_0()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("raise RuntimeError('boom')"), Cell("print('after')"));

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "--allow-errors"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("after\n", Text(Read(dir.File("out.ipynb")), 1));
    }

    [Fact]
    public async Task A_cell_timeout_exits_6()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("import time\ntime.sleep(60)"));

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "--timeout-cell", "1.5"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == ExitCodes.Timeout, result.ToString());
        Assert.Contains("CellTimeoutError", Text(Read(dir.File("out.ipynb")), 0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kernel_that_dies_exits_7_with_its_exit_status()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print('alive')"), Cell("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"), Cell("print('never')"));

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == ExitCodes.KernelDied, result.ToString());
        // Cells wait in the kernel's queue ahead of their turn: a kernel killed at once can take cell 0's reply with it
        // (it was not yet written to the socket), and the run then says that a queued cell may be the one that ran.
        Assert.Matches(
            @"quire run: (cell 1 \(id cell1\): the kernel died: .*status -?\d+|cell 0 \(id cell0\): the kernel died: .*status -?\d+.*2 cells were queued after it: a kernel killed at once may have been running one of them)",
            result.StandardError);
        var output = Read(dir.File("out.ipynb"));
        Assert.Equal("alive\n", Text(output, 0));
        Assert.Equal("kernel_died", output.Metadata.GetObject("quire")!.GetObject("run")!.GetString("status"));
    }

    [Theory]
    [InlineData("{not json", "in.ipynb")]
    [InlineData(null, "missing.ipynb")]
    public async Task An_unreadable_notebook_exits_3_with_one_line(string? content, string name)
    {
        using var dir = new TempDirectory();
        if (content is not null)
        {
            await File.WriteAllTextAsync(dir.File(name), content, TestContext.Current.CancellationToken);
        }

        var result = await CliRunner.RunAsync(["run", dir.File(name), dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Single(result.StandardError.TrimEnd().Split('\n'));
        Assert.Contains(name, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.ipynb")), "no output should be written for bad input");
    }

    [Fact]
    public async Task A_bad_parameter_name_or_file_exits_3_before_any_kernel_starts()
    {
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print(1)"));
        await File.WriteAllTextAsync(dir.File("bad.yaml"), "a: [1, 2", TestContext.Current.CancellationToken);

        var badName = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "-p", "x=1;import os", "2"], cancellationToken: TestContext.Current.CancellationToken);
        var badFile = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb"), "-f", dir.File("bad.yaml")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(badName.ExitCode == ExitCodes.BadInput, badName.ToString());
        Assert.Contains("is not an identifier", badName.StandardError, StringComparison.Ordinal);
        Assert.True(badFile.ExitCode == ExitCodes.BadInput, badFile.ToString());
        Assert.Contains("bad.yaml:", badFile.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kernel_exits_3()
    {
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "no-such-kernel", "python", Cell("print(1)"));

        var result = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("no kernelspec named 'no-such-kernel'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_dash_writes_the_notebook_to_standard_output_and_logs_outputs_to_standard_error()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print('to the log')"));

        var result = await CliRunner.RunAsync(["run", input, "-", "--log-output"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = Quire.Notebook.Format.NotebookReader.Read(result.StandardOutputBytes, "<stdout>").Document;
        Assert.Equal("to the log\n", Text(output, 0));
        Assert.Contains("to the log", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provenance_records_the_git_commit_and_dirty_state_of_the_input()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python", Cell("print(1)"));
        await GitAsync(dir.Path, "init", "-q");
        await GitAsync(dir.Path, "add", "in.ipynb");
        await GitAsync(dir.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "nb");
        var head = (await GitAsync(dir.Path, "rev-parse", "HEAD")).Trim();

        var clean = await CliRunner.RunAsync(["run", input, dir.File("out.ipynb")], cancellationToken: TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(input, "\n", TestContext.Current.CancellationToken);
        var dirty = await CliRunner.RunAsync(["run", input, dir.File("out2.ipynb")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(clean.ExitCode == 0 && dirty.ExitCode == 0, $"{clean}\n{dirty}");
        var run = Read(dir.File("out.ipynb")).Metadata.GetObject("quire")!.GetObject("run")!;
        Assert.Equal(head, run.GetObject("git")!.GetString("commit"));
        Assert.Equal(JLiteral.False, run.GetObject("git")!["dirty"]);
        Assert.Equal(JLiteral.True, Read(dir.File("out2.ipynb")).Metadata.GetObject("quire")!.GetObject("run")!.GetObject("git")!["dirty"]);
        var expectedHash = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(dir.File("in.ipynb"), TestContext.Current.CancellationToken)));
        Assert.Equal(expectedHash, Read(dir.File("out2.ipynb")).Metadata.GetObject("quire")!.GetObject("run")!.GetObject("input")!.GetString("sha256"));
        Assert.Equal(Path.GetFullPath(input), run.GetObject("input")!.GetString("path"));
    }

    private static async Task<string> GitAsync(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
