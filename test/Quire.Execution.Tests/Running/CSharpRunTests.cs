using System.Text.Json;
using Quire.Execution.Parameters;
using Quire.Execution.Recording;
using Quire.Execution.Running;
using Quire.Execution.Tests.Infrastructure;
using Quire.Messaging.ZeroMQ;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Running;

/// <summary>Runs with Quire's C# kernel: parameters as C# values, hostile strings, Record, errors and stdin.</summary>
public sealed class CSharpRunTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Parameters_of_every_type_arrive_as_csharp_values_of_the_expected_type()
    {
        var parameters = new NotebookParameters()
            .Set("anInt", CommandLineValues.Resolve("42"))
            .Set("aLong", CommandLineValues.Resolve("3000000000"))
            .Set("aBig", CommandLineValues.Resolve("123456789012345678901234567890"))
            .Set("aFloat", CommandLineValues.Resolve("2.5"))
            .Set("aNan", CommandLineValues.Resolve("nan"))
            .Set("aBool", CommandLineValues.Resolve("True"))
            .Set("aNull", CommandLineValues.Resolve("None"))
            .Set("aString", CommandLineValues.Resolve("hello"))
            .Set("ints", JsonParser.Parse("[1, 2, 3]"))
            .Set("mixed", JsonParser.Parse("""[1, "two", null]"""))
            .Set("aDict", JsonParser.Parse("""{"k": {"nested": [1, 2]}}"""))
            .Set("class", JString.From("a keyword is a name too"));
        var notebook = Parameterized(parameters, """
            string Show(object? v) => v switch
            {
                null => "null",
                string s => s,
                double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                System.Collections.IDictionary d => "{" + string.Join(",", d.Keys.Cast<object>().Select(k => k + ":" + Show(d[k]))) + "}",
                System.Collections.IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Show)) + "]",
                _ => v.ToString()!,
            };
            string Type(object? v) => v?.GetType().Name ?? "null";
            foreach (var (name, value) in new (string, object?)[] { ("anInt", anInt), ("aLong", aLong), ("aBig", aBig), ("aFloat", aFloat), ("aNan", aNan), ("aBool", aBool), ("aNull", aNull), ("aString", aString), ("ints", ints), ("mixed", mixed), ("aDict", aDict), ("class", @class) })
            {
                Console.WriteLine($"{name}|{Show(value)}|{Type(value)}");
            }
            """);

        var outcome = await RunAsync(notebook);

        Assert.True(outcome.Status == ExecutionStatus.Completed, $"{outcome.Message}\n{Notebooks.Text(outcome.Document, 2)}");
        var lines = Notebooks.Text(outcome.Document, 2).TrimEnd().Split('\n');
        Assert.Equal(
            [
                "anInt|42|Int32",
                "aLong|3000000000|Int64",
                "aBig|123456789012345678901234567890|BigInteger",
                "aFloat|2.5|Double",
                "aNan|NaN|Double",
                "aBool|True|Boolean",
                "aNull|null|null",
                "aString|hello|String",
                "ints|[1,2,3]|Int32[]",
                "mixed|[1,two,null]|Object[]",
                "aDict|{k:{nested:[1,2]}}|Dictionary`2",
                "class|a keyword is a name too|String",
            ],
            lines);
    }

    [Fact]
    public async Task Hostile_strings_arrive_as_the_same_strings()
    {
        string[] hostile =
        [
            "\"; System.IO.File.WriteAllText(\"/tmp/x\", \"\"); //",
            "@\"verbatim\" $\"{1 + 1}\" {0} {{x}} \"\"\" raw",
            "back\\slash \\u0041 \\x41 \\\" \\n",
            "line1\nline2\r\nline3\ttab\u0000nul",
            "ünïcödé € 😀 \u2028 \u0085",
            "*/ /* // #r \"nuget:x\"",
        ];
        var parameters = new NotebookParameters();
        for (var i = 0; i < hostile.Length; i++)
        {
            parameters.Set($"s{i}", JString.From(hostile[i]));
        }

        var notebook = Parameterized(parameters, $"Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new[] {{ {string.Join(", ", hostile.Select((_, i) => $"s{i}"))} }}));");

        var outcome = await RunAsync(notebook);

        Assert.True(outcome.Status == ExecutionStatus.Completed, $"{outcome.Message}\n{Notebooks.Text(outcome.Document, 2)}");
        Assert.Equal(hostile, JsonSerializer.Deserialize<string[]>(Notebooks.Text(outcome.Document, 2)));
    }

    [Fact]
    public async Task Record_stores_values_that_are_read_back_and_kept_in_the_metadata()
    {
        var notebook = Notebooks.Create("csharp", "csharp",
            Notebooks.Code("Record(\"count\", 3);\nRecord(\"summary\", new { Name = \"run\", Scores = new[] { 1.5, 2.0 } });", "a"),
            Notebooks.Code("Record(\"count\", 4);", "b"));

        var outcome = await RunAsync(notebook);

        Assert.True(outcome.Status == ExecutionStatus.Completed, outcome.Message);
        // System.Text.Json writes the double 2.0 as 2.
        var expected = """{"count": 4, "summary": {"name": "run", "scores": [1.5, 2]}}""";
        Assert.Equal(expected, JsonText.ToCompactString(RecordedValues.Read(outcome.Document)));
        Assert.Equal(expected, JsonText.ToCompactString(outcome.Document.Metadata.GetObject("quire")!["records"]!));
    }

    [Fact]
    public async Task An_exception_stops_the_run_and_input_fails_clearly()
    {
        var notebook = Notebooks.Create("csharp", "csharp",
            Notebooks.Code("var name = Input(\"name? \");", "a"),
            Notebooks.Code("Console.WriteLine(\"never\");", "b"));

        var outcome = await RunAsync(notebook);

        Assert.Equal(ExecutionStatus.CellError, outcome.Status);
        Assert.Equal(2, outcome.FailedCellIndex);
        Assert.Contains("StdinNotImplementedError", Notebooks.Text(outcome.Document, 2), StringComparison.Ordinal);
        Assert.Empty(((CodeCell)outcome.Document.Cells[3]).Outputs);
    }

    [Fact]
    public async Task Cells_sent_ahead_never_run_after_a_cell_that_throws()
    {
        // As with ipykernel: the C# kernel drops the requests queued behind a failing cell (KernelHost's abort).
        var directory = Directory.CreateTempSubdirectory("quire-ahead-");
        try
        {
            var marker = Path.Combine(directory.FullName, "ran");
            var cells = new List<NotebookCell> { Notebooks.Code($"var marker = {System.Text.Json.JsonSerializer.Serialize(marker)};", "setup") };
            cells.AddRange(Enumerable.Range(0, 3).Select(i => Notebooks.Code($"var x{i} = {i};", $"before{i}")));
            cells.Add(Notebooks.Code("throw new InvalidOperationException(\"stop here\");", "stopper"));
            cells.AddRange(Enumerable.Range(0, 12).Select(i => Notebooks.Code($"File.AppendAllText(marker, \"cell {i}\\n\");", $"after{i}")));

            var outcome = await RunAsync(Notebooks.Create("csharp", "csharp", [.. cells]));

            Assert.Equal(ExecutionStatus.CellError, outcome.Status);
            Assert.Equal(5, outcome.CellsExecuted);
            Assert.Contains("stop here", outcome.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(marker), $"cells after the failing one ran: {(File.Exists(marker) ? File.ReadAllText(marker) : "")}");
            Assert.All(outcome.Document.Cells.Where(c => c.Id?.StartsWith("after", StringComparison.Ordinal) == true), c => Assert.Empty(((CodeCell)c).Outputs));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static NotebookDocument Parameterized(NotebookParameters parameters, string echo)
    {
        var notebook = Notebooks.Create("csharp", "csharp", Notebooks.Code("var anInt = 0;", "defaults", "parameters"), Notebooks.Code(echo, "echo"));
        return ParameterInjection.Inject(notebook, parameters, ParameterTranslators.Find("csharp", "csharp"));
    }

    private static async Task<ExecutionOutcome> RunAsync(NotebookDocument notebook)
    {
        var specs = await TestKernels.CSharpAsync();
        return await new NotebookExecutor(new ZeroMqTransport())
            .ExecuteAsync(notebook, new ExecutionOptions { KernelSpecs = specs }, TestContext.Current.CancellationToken)
            .WaitAsync(RunLimit, TestContext.Current.CancellationToken);
    }
}
