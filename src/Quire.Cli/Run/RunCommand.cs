using System.CommandLine;
using System.Globalization;
using Quire.Cli.Hosting;

namespace Quire.Cli.Run;

/// <summary><c>quire run</c>: executes a notebook headlessly with parameters, as papermill and nbclient do.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string?>("INPUT") { Description = "The notebook to run (\"-\" reads standard input).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Argument<string?>("OUTPUT")
        {
            Description = "Where to write the executed notebook (\"-\" for standard output; default INPUT with .out.ipynb).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var parameters = Pairs("--parameters", "-p", "A parameter, typed as papermill types it: int, float, True/False, None, else a string.");
        var raw = Pairs("--parameters-raw", "-r", "A parameter whose value is always a string.");
        var files = new Option<string[]>("--parameters-file", "-f") { Description = "Parameters from a YAML or JSON file (any nesting).", HelpName = "FILE" };
        var kernel = new Option<string?>("--kernel", "-k") { Description = "The kernelspec to run with (default: the notebook's metadata.kernelspec.name).", HelpName = "NAME" };
        var cwd = new Option<string?>("--cwd") { Description = "The kernel's working directory (default: the input's folder).", HelpName = "DIR" };
        var cellTimeout = Seconds("--timeout-cell", "Stop when a cell runs longer than S seconds (exit 6).");
        var timeout = Seconds("--timeout", "Stop when the whole run takes longer than S seconds (exit 6).");
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Keep running after a cell raises; the run then exits 0." };
        var logOutput = new Option<bool>("--log-output") { Description = "Echo cell outputs to the terminal (standard error when OUTPUT is \"-\")." };
        var progress = new Option<bool>("--progress") { Description = "Show a progress bar with the current cell on standard error." };
        var saveInterval = Seconds("--save-interval", "Save the partially executed notebook every S seconds (default 30).");
        var readValues = new Option<string?>("--read-values")
        {
            Description = "Print the values an executed notebook recorded (application/vnd.quire.record+json outputs) as one JSON object, and run nothing.",
            HelpName = "OUTPUT.ipynb",
        };
        var command = new Command("run", """
            Execute a notebook headlessly, as papermill does: every code cell in order in a fresh kernel, outputs and
            execution counts filled in, parameters injected after the cell tagged "parameters" (or at the top) as an
            "injected-parameters" cell in the kernel's language, provenance in metadata.quire. The output is saved while
            the run goes on and written in full however it ends. Exit 0 success, 3 bad input (notebook, parameters,
            unknown kernel or one that does not start), 4 output not written, 5 a cell raised, 6 a timeout, 7 the kernel
            died, 130 interrupted (Ctrl+C interrupts the kernel, then the run stops and the output is written).
            """)
        {
            input, output, parameters, raw, files, kernel, cwd, cellTimeout, timeout, allowErrors, logOutput, progress, saveInterval, readValues,
        };
        command.Validators.Add(result =>
        {
            var hasInput = result.GetResult(input) is { Tokens.Count: > 0 };
            if (result.GetResult(readValues) is not null)
            {
                if (hasInput)
                {
                    result.AddError("--read-values takes the notebook to read and runs nothing; give no INPUT");
                }
            }
            else if (!hasInput)
            {
                result.AddError("INPUT is required (or --read-values OUTPUT.ipynb)");
            }
        });
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(readValues) is { } recorded)
            {
                return ReadValues.RunAsync(recorded, console, ct);
            }

            var request = new RunRequest(parse.GetValue(input)!, parse.GetValue(output))
            {
                Parameters = ToPairs(parse.GetValue(parameters)),
                RawParameters = ToPairs(parse.GetValue(raw)),
                ParameterFiles = parse.GetValue(files) ?? [],
                Kernel = parse.GetValue(kernel),
                WorkingDirectory = parse.GetValue(cwd),
                CellTimeout = ToTime(parse.GetValue(cellTimeout)),
                Timeout = ToTime(parse.GetValue(timeout)),
                AllowErrors = parse.GetValue(allowErrors),
                LogOutput = parse.GetValue(logOutput),
                Progress = parse.GetValue(progress),
                SaveInterval = ToTime(parse.GetValue(saveInterval)) ?? TimeSpan.FromSeconds(30),
            };
            return RunExecution.RunAsync(request, console, ct);
        });
        return command;
    }

    // NAME VALUE after each occurrence; occurrences add up.
    private static Option<string[]> Pairs(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
        HelpName = "NAME VALUE",
        Validators =
        {
            result =>
            {
                if (result.Tokens.Count % 2 != 0)
                {
                    result.AddError($"{name} takes a NAME and a VALUE");
                }
            },
        },
    };

    private static Option<double?> Seconds(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "S",
        Validators =
        {
            result =>
            {
                if (result.Tokens.Count > 0 && (!double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0))
                {
                    result.AddError($"{name} takes a number of seconds greater than 0");
                }
            },
        },
    };

    private static List<(string Name, string Value)> ToPairs(string[]? values)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; values is not null && i + 1 < values.Length; i += 2)
        {
            pairs.Add((values[i], values[i + 1]));
        }

        return pairs;
    }

    private static TimeSpan? ToTime(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
