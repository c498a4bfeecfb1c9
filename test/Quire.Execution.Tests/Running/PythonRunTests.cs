using System.Diagnostics;
using System.Text.Json;
using Quire.Execution.Parameters;
using Quire.Execution.Running;
using Quire.Execution.Tests.Infrastructure;
using Quire.Messaging.ZeroMQ;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Running;

/// <summary>Runs with Debian's ipykernel: parameters, failures, timeouts, a killed kernel, stdin, saves, cancellation.</summary>
public sealed class PythonRunTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Parameters_of_every_type_arrive_as_python_values_of_that_type()
    {
        var specs = TestKernels.RequireIpykernel();
        var parameters = new NotebookParameters()
            .Set("an_int", CommandLineValues.Resolve("42"))
            .Set("a_big_int", CommandLineValues.Resolve("123456789012345678901234567890"))
            .Set("a_float", CommandLineValues.Resolve("2.5"))
            .Set("a_nan", CommandLineValues.Resolve("nan"))
            .Set("a_bool", CommandLineValues.Resolve("False"))
            .Set("a_none", CommandLineValues.Resolve("None"))
            .Set("a_string", CommandLineValues.Resolve("hello"))
            .Set("a_list", JsonParser.Parse("""[1, "two", 3.5, null, true]"""))
            .Set("a_dict", JsonParser.Parse("""{"k": {"nested": [1, {"deep": "yes"}]}}"""));
        var notebook = Parameterized(parameters, """
            import json
            names = ["an_int", "a_big_int", "a_float", "a_nan", "a_bool", "a_none", "a_string", "a_list", "a_dict"]
            print(json.dumps({n: [repr(globals()[n]), type(globals()[n]).__name__] for n in names}))
            """);

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs });

        Assert.True(outcome.Status == ExecutionStatus.Completed, outcome.Message);
        var echoed = JsonDocument.Parse(Notebooks.Text(outcome.Document, 2)).RootElement;
        string[] Echo(string name) => [.. echoed.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(["42", "int"], Echo("an_int"));
        Assert.Equal(["123456789012345678901234567890", "int"], Echo("a_big_int"));
        Assert.Equal(["2.5", "float"], Echo("a_float"));
        Assert.Equal(["nan", "float"], Echo("a_nan"));
        Assert.Equal(["False", "bool"], Echo("a_bool"));
        Assert.Equal(["None", "NoneType"], Echo("a_none"));
        Assert.Equal(["'hello'", "str"], Echo("a_string"));
        Assert.Equal(["[1, 'two', 3.5, None, True]", "list"], Echo("a_list"));
        Assert.Equal(["{'k': {'nested': [1, {'deep': 'yes'}]}}", "dict"], Echo("a_dict"));
    }

    [Fact]
    public async Task Hostile_strings_arrive_as_the_same_strings_and_run_nothing()
    {
        var specs = TestKernels.RequireIpykernel();
        var marker = Path.Combine(Path.GetTempPath(), $"quire-injected-{Guid.NewGuid():N}");
        string[] hostile =
        [
            $"\"; open('{marker}', 'w') #",
            $"'''\nopen('{marker}', 'w')\n'''",
            "back\\slash\\\" and \\n not a newline",
            "line1\nline2\r\nline3\ttab\u0000nul",
            "ünïcödé € 😀 \u2028 \u200b",
            "${HOME} {0} %s {{x}} @\"verbatim\" $\"{1+1}\"",
            "\\x41\\u0041\\U00000041",
            "\"\"\"",
        ];
        var parameters = new NotebookParameters();
        for (var i = 0; i < hostile.Length; i++)
        {
            parameters.Set($"s{i}", JString.From(hostile[i]));
        }

        var notebook = Parameterized(parameters, $"import json\nprint(json.dumps([{string.Join(", ", hostile.Select((_, i) => $"s{i}"))}]))");

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs });

        Assert.True(outcome.Status == ExecutionStatus.Completed, outcome.Message);
        var echoed = JsonSerializer.Deserialize<string[]>(Notebooks.Text(outcome.Document, 2));
        Assert.Equal(hostile, echoed);
        Assert.False(File.Exists(marker), "a parameter string ran as code and created the marker file");
    }

    [Fact]
    public async Task An_error_stops_the_run_with_the_error_in_the_failing_cell()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python",
            Notebooks.Code("print('before')", "a"),
            Notebooks.Code("1 / 0", "b"),
            Notebooks.Code("print('after')", "c"));

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs });

        // papermill's markers: a banner first, an anchor just before the failing cell.
        Assert.Equal(ExecutionStatus.CellError, outcome.Status);
        Assert.Equal(3, outcome.FailedCellIndex);
        Assert.Contains("cell 1 (id b)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("ZeroDivisionError", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("before\n", Notebooks.Text(outcome.Document, 1));
        Assert.Contains("ZeroDivisionError: division by zero", Notebooks.Text(outcome.Document, 3), StringComparison.Ordinal);
        Assert.Empty(((CodeCell)outcome.Document.Cells[4]).Outputs);
        Assert.Equal("failed", outcome.Document.Cells[3].Metadata.GetObject("papermill")!.GetString("status"));
        Assert.Equal("pending", outcome.Document.Cells[4].Metadata.GetObject("papermill")!.GetString("status"));
        var run = outcome.Document.Metadata.GetObject("quire")!.GetObject("run")!;
        Assert.Equal("cell_error", run.GetString("status"));
        Assert.Equal("b", run.GetObject("failed_cell")!.GetString("id"));

        var banner = Assert.IsType<MarkdownCell>(outcome.Document.Cells[0]);
        var anchor = Assert.IsType<MarkdownCell>(outcome.Document.Cells[2]);
        Assert.Equal(["papermill-error-cell-tag"], banner.Tags);
        Assert.Equal(["papermill-error-cell-tag"], anchor.Tags);
        Assert.Contains("An Exception was encountered at '<a href=\"#papermill-error-cell\">In [2]</a>'.", banner.Source, StringComparison.Ordinal);
        Assert.Contains("<span id=\"papermill-error-cell\"", anchor.Source, StringComparison.Ordinal);

        // Running the output again removes the old markers first: still one banner and one anchor.
        var again = await RunAsync(outcome.Document, new ExecutionOptions { KernelSpecs = specs });
        Assert.Equal(5, again.Document.Cells.Length);
        Assert.Equal(2, again.Document.Cells.Count(c => c.Tags.Contains("papermill-error-cell-tag")));
        Assert.Equal(3, again.FailedCellIndex);
    }

    [Theory]
    [InlineData("raise ValueError('stop here')", false)]
    [InlineData("import time\ntime.sleep(60)", true)]
    public async Task Cells_sent_ahead_never_run_after_a_cell_that_stops_the_run(string stopper, bool byTimeout)
    {
        // Later cells wait in the kernel's queue while earlier ones run (ExecutionOptions.SendAhead); when a cell fails
        // or times out the kernel must drop them all. Each would leave a line in a file: none may.
        var specs = TestKernels.RequireIpykernel();
        var directory = Directory.CreateTempSubdirectory("quire-ahead-");
        try
        {
            var marker = Path.Combine(directory.FullName, "ran");
            var cells = new List<NotebookCell> { Notebooks.Code($"marker = {JsonSerializer.Serialize(marker)}", "setup") };
            cells.AddRange(Enumerable.Range(0, 3).Select(i => Notebooks.Code($"x{i} = {i}", $"before{i}")));
            cells.Add(Notebooks.Code(stopper, "stopper"));
            cells.AddRange(Enumerable.Range(0, 12).Select(i => Notebooks.Code($"open(marker, 'a').write('cell {i}\\n')", $"after{i}")));
            var notebook = Notebooks.Create("python3", "python", [.. cells]);

            var options = new ExecutionOptions { KernelSpecs = specs, CellTimeout = byTimeout ? TimeSpan.FromSeconds(2) : null };
            var outcome = await RunAsync(notebook, options);

            Assert.Equal(byTimeout ? ExecutionStatus.Timeout : ExecutionStatus.CellError, outcome.Status);
            Assert.Equal(5, outcome.CellsExecuted);
            Assert.False(File.Exists(marker), $"cells after the stopping one ran: {(File.Exists(marker) ? File.ReadAllText(marker) : "")}");
            var after = outcome.Document.Cells.Where(c => c.Id?.StartsWith("after", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(12, after.Count);
            Assert.All(after, c => Assert.Equal("pending", c.Metadata.GetObject("papermill")!.GetString("status")));
            Assert.All(after, c => Assert.Empty(((CodeCell)c).Outputs));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task With_allow_errors_the_run_goes_on_past_an_error()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("raise ValueError('x')", "a"), Notebooks.Code("print('after')", "b"));

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs, AllowErrors = true });

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        Assert.Contains("ValueError: x", Notebooks.Text(outcome.Document, 0), StringComparison.Ordinal);
        Assert.Equal("after\n", Notebooks.Text(outcome.Document, 1));
    }

    [Fact]
    public async Task A_cell_past_its_timeout_is_interrupted_and_the_run_stops()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python",
            Notebooks.Code("import time\nprint('sleeping', flush=True)\ntime.sleep(60)", "a"),
            Notebooks.Code("print('never')", "b"));
        var clock = Stopwatch.StartNew();

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs, CellTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(ExecutionStatus.Timeout, outcome.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"the run took {clock.Elapsed} for a 2 s cell timeout");
        var text = Notebooks.Text(outcome.Document, 0);
        Assert.Contains("sleeping", text, StringComparison.Ordinal);
        Assert.Contains("CellTimeoutError: A cell timed out while it was being executed, after 2 seconds.", text, StringComparison.Ordinal);
        Assert.Empty(((CodeCell)outcome.Document.Cells[1]).Outputs);
    }

    [Fact]
    public async Task A_kernel_killed_mid_run_is_reported_with_its_exit_status()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python",
            Notebooks.Code("import os\nprint(os.getpid())", "a"),
            Notebooks.Code("import time\ntime.sleep(60)", "b"),
            Notebooks.Code("print('never')", "c"));
        var pid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Events(e =>
        {
            if (e is { Kind: ExecutionEventKind.Output, CellId: "a" } && e.Output?.GetString("text") is { } text)
            {
                pid.TrySetResult(int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (e is { Kind: ExecutionEventKind.CellStarted, CellId: "b" })
            {
                sleeping.TrySetResult();
            }
        });

        var run = RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs, Progress = progress });
        await sleeping.Task.WaitAsync(RunLimit, TestContext.Current.CancellationToken);
        var kernelPid = await pid.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        using (var kernel = Process.GetProcessById(kernelPid))
        {
            kernel.Kill();
        }

        var outcome = await run;

        Assert.Equal(ExecutionStatus.KernelDied, outcome.Status);
        Assert.Equal(1, outcome.FailedCellIndex);
        Assert.NotNull(outcome.KernelExitCode);
        Assert.Contains($"status {outcome.KernelExitCode}", outcome.Message, StringComparison.Ordinal);
        Assert.Equal($"{kernelPid}\n", Notebooks.Text(outcome.Document, 0));
        Assert.Equal("kernel_died", outcome.Document.Metadata.GetObject("quire")!.GetObject("run")!.GetString("status"));
    }

    [Fact]
    public async Task Input_fails_clearly_because_stdin_is_not_allowed()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("name = input('name? ')", "a"));

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs });

        Assert.Equal(ExecutionStatus.CellError, outcome.Status);
        Assert.Contains("StdinNotImplementedError", Notebooks.Text(outcome.Document, 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partial_notebook_is_saved_while_a_cell_runs()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python",
            Notebooks.Code("print('first done')", "a"),
            Notebooks.Code("import time\ntime.sleep(3)", "b"));
        var partial = new TaskCompletionSource<NotebookDocument>(TaskCreationOptions.RunContinuationsAsynchronously);

        var outcome = await RunAsync(notebook, new ExecutionOptions
        {
            KernelSpecs = specs,
            SaveInterval = TimeSpan.FromMilliseconds(100),
            Save = (document, _) =>
            {
                if (Notebooks.Text(document, 0) == "first done\n" && document.Cells[1].Metadata.GetObject("papermill")?.GetString("status") == "running")
                {
                    partial.TrySetResult(document);
                }

                return Task.CompletedTask;
            },
        });

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        Assert.True(partial.Task.IsCompletedSuccessfully, "no save happened while the second cell ran with the first cell's output in it");
    }

    [Fact]
    public async Task Cancelling_interrupts_the_running_cell_and_keeps_its_traceback()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("import time\ntime.sleep(60)", "a"), Notebooks.Code("print('never')", "b"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new Events(e =>
        {
            if (e is { Kind: ExecutionEventKind.CellStarted, CellId: "a" })
            {
                cancel.CancelAfter(TimeSpan.FromSeconds(1));
            }
        });

        var outcome = await new NotebookExecutor(new ZeroMqTransport())
            .ExecuteAsync(notebook, new ExecutionOptions { KernelSpecs = specs, Progress = progress }, cancel.Token)
            .WaitAsync(RunLimit, TestContext.Current.CancellationToken);

        Assert.Equal(ExecutionStatus.Interrupted, outcome.Status);
        Assert.Contains("KeyboardInterrupt", Notebooks.Text(outcome.Document, 0), StringComparison.Ordinal);
        Assert.Empty(((CodeCell)outcome.Document.Cells[1]).Outputs);
    }

    [Fact]
    public async Task The_whole_run_timeout_stops_a_run_of_many_short_cells()
    {
        var specs = TestKernels.RequireIpykernel();
        var cells = Enumerable.Range(0, 30).Select(i => Notebooks.Code("import time\ntime.sleep(0.5)", $"c{i}")).ToArray();
        var notebook = Notebooks.Create("python3", "python", cells);

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs, Timeout = TimeSpan.FromSeconds(6) });

        // The run's clock includes the kernel's start, which a loaded CI machine can stretch to most of the 6 s: how many
        // cells ran before the deadline varies; that the run stopped short of the 15 s the cells need does not.
        Assert.Equal(ExecutionStatus.Timeout, outcome.Status);
        Assert.InRange(outcome.CellsExecuted, 0, 29);
        Assert.Contains("timed out", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_recorded_with_the_documented_mime_type_are_collected_from_python()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code(
            "from IPython.display import display\n" +
            "display({'application/vnd.quire.record+json': {'name': 'rows', 'value': [1, {'a': None}]}, 'text/plain': 'rows'}, raw=True)",
            "a"));

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs });

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        Assert.Equal("""{"rows": [1, {"a": null}]}""", JsonText.ToCompactString(outcome.Document.Metadata.GetObject("quire")!["records"]!));
    }

    [Fact]
    public async Task Provenance_and_nbclient_timing_are_written_into_the_metadata()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("python3", "python", Notebooks.Markdown("# title", "m"), Notebooks.Code("print(1)", "a"));
        var provenance = new Quire.Execution.Provenance.RunProvenance
        {
            InputPath = "/data/in.ipynb",
            InputSha256 = "ab12",
            Git = new Quire.Execution.Provenance.GitState("0123456789abcdef", Dirty: true),
            Parameters = new NotebookParameters().Set("alpha", JNumber.From(0.5)),
        };

        var outcome = await RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs, Provenance = provenance, WorkingDirectory = Path.GetTempPath() });

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        var metadata = outcome.Document.Metadata;
        Assert.Equal("python", metadata.GetObject("language_info")!.GetString("name"));
        var quire = metadata.GetObject("quire")!;
        Assert.False(string.IsNullOrEmpty(quire.GetString("version")), "metadata.quire.version should be Quire's version");
        var run = quire.GetObject("run")!;
        Assert.Equal("completed", run.GetString("status"));
        Assert.Equal("python3", run.GetObject("kernel")!.GetString("name"));
        Assert.Equal("ipython", run.GetObject("kernel")!.GetString("implementation"));
        Assert.Equal("""{"path": "/data/in.ipynb", "sha256": "ab12"}""", JsonText.ToCompactString(run["input"]!));
        Assert.Equal("""{"commit": "0123456789abcdef", "dirty": true}""", JsonText.ToCompactString(run["git"]!));
        Assert.Equal("""{"alpha": 0.5}""", JsonText.ToCompactString(run["parameters"]!));
        Assert.Equal(Path.GetTempPath(), run.GetString("cwd"));
        var start = DateTimeOffset.Parse(run.GetString("start_time")!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(run.GetString("end_time")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(end > start, $"the run should end after it starts: {start:o} .. {end:o}");
        var timing = outcome.Document.Cells[1].Metadata.GetObject("execution")!;
        string[] nbclientKeys = ["iopub.execute_input", "iopub.status.busy", "iopub.status.idle", "shell.execute_reply"];
        Assert.Equal(nbclientKeys, timing.Keys.Order(StringComparer.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", timing.GetString("iopub.execute_input")!);
        Assert.Equal("completed", outcome.Document.Cells[1].Metadata.GetObject("papermill")!.GetString("status"));
        Assert.Null(outcome.Document.Cells[0].Metadata.GetObject("execution"));
    }

    [Fact]
    public async Task An_unknown_kernel_is_a_setup_error_naming_the_available_ones()
    {
        var specs = TestKernels.RequireIpykernel();
        var notebook = Notebooks.Create("no-such-kernel", "python", Notebooks.Code("1", "a"));

        var ex = await Assert.ThrowsAsync<ExecutionSetupException>(() => RunAsync(notebook, new ExecutionOptions { KernelSpecs = specs }));

        Assert.Contains("no kernelspec named 'no-such-kernel'; available: python3", ex.Message, StringComparison.Ordinal);
    }

    internal static NotebookDocument Parameterized(NotebookParameters parameters, string echo)
    {
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("an_int = 0", "defaults", "parameters"), Notebooks.Code(echo, "echo"));
        return ParameterInjection.Inject(notebook, parameters, ParameterTranslators.Find("python3", "python"));
    }

    private static Task<ExecutionOutcome> RunAsync(NotebookDocument notebook, ExecutionOptions options) =>
        new NotebookExecutor(new ZeroMqTransport()).ExecuteAsync(notebook, options, TestContext.Current.CancellationToken).WaitAsync(RunLimit, TestContext.Current.CancellationToken);
}
