using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Notebooks;
using Quire.Conversion;
using Quire.Conversion.Highlighting;
using Quire.Notebook.Validation;

namespace Quire.Cli.Convert;

/// <summary>
/// <c>quire convert INPUT.ipynb --to html|markdown|script|notebook</c>: what <c>jupyter nbconvert</c> does. Steps that
/// must run before the export (<c>--execute</c>) are <see cref="INotebookPreprocessor"/>s handed to <see cref="Create(CliConsole, IReadOnlyList{INotebookPreprocessor})"/>.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console) => Create(console, []);

    /// <param name="console">The standard streams.</param>
    /// <param name="preprocessors">Run in order on the notebook after it is read and validated, before it is exported.</param>
    public static Command Create(CliConsole console, IReadOnlyList<INotebookPreprocessor> preprocessors)
    {
        var input = new Argument<string>("INPUT") { Description = "The notebook to convert." };
        input.Validators.Add(result =>
        {
            // As CliArguments.Files: an unknown "--option" is a usage error, never a file name.
            if (result.Tokens is [{ Value: [ '-', _, .. ] value }])
            {
                result.AddError($"unknown option '{value}'");
            }
        });
        var to = new Option<string>("--to") { Description = "The output format.", Required = true };
        to.AcceptOnlyFromAmong(ConvertOptions.FormatNames);
        var output = new Option<string?>("--output", "-o") { Description = "The output file (default: the input's name with the format's extension, next to it; NAME.nbconvert.ipynb for --to notebook)." };
        var noInput = new Option<bool>("--no-input") { Description = "Report mode: leave out code cells' input and prompts, keep their outputs." };
        var template = new Option<string>("--template") { Description = "The HTML template: lab (JupyterLab look), classic (Notebook 6 look) or basic (the cells only, no page).", DefaultValueFactory = _ => "lab" };
        template.AcceptOnlyFromAmong(ConvertOptions.TemplateNames);
        // For the benchmark that chose the default (bench/conversion): not part of the documented interface.
        var highlighter = new Option<string>("--highlighter") { Hidden = true, DefaultValueFactory = _ => "default" };
        highlighter.AcceptOnlyFromAmong("default", "textmate", "colorcode", "none");
        var execute = new Option<bool>("--execute") { Description = "Run the notebook first (as quire run does, in its folder) and convert the result; nothing is written if a cell fails." };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "With --execute: keep running past cells that raise, and convert with their errors." };
        var kernel = new Option<string?>("--kernel") { Description = "With --execute: the kernel to run with (default: the notebook's kernelspec)." };
        var cellTimeout = new Option<double?>("--timeout-cell") { Description = "With --execute: stop when a cell runs longer than S seconds." };
        var command = new Command("convert", """
            Convert a notebook as jupyter nbconvert does. HTML is one self-contained file (styles and images inline,
            syntax highlighting, ANSI colours, Markdown with tables and math); HTML from the notebook is always
            sanitized (no scripts, event handlers or javascript: links run), whether or not the notebook is trusted.
            Markdown puts images in NAME_files/ beside the output; script writes the code in the kernel's language.
            Writes are atomic and nothing is written outside the output's folder and its NAME_files/.
            """)
        {
            input,
            to,
            output,
            noInput,
            template,
            highlighter,
            execute,
            allowErrors,
            kernel,
            cellTimeout,
        };
        command.SetAction((parse, ct) =>
        {
            var request = new ConvertRequest(
                parse.GetRequiredValue(input),
                ConvertOptions.ParseFormat(parse.GetRequiredValue(to)),
                parse.GetValue(output),
                new ConversionOptions
                {
                    NoInput = parse.GetValue(noInput),
                    // nbconvert titles the page with the notebook's name, wherever the output goes.
                    Title = Path.GetFileNameWithoutExtension(parse.GetRequiredValue(input)),
                    Template = ConvertOptions.ParseTemplate(parse.GetValue(template) ?? "lab"),
                    Highlighter = Enum.Parse<HighlighterKind>(parse.GetValue(highlighter) ?? "default", ignoreCase: true),
                });
            var steps = parse.GetValue(execute)
                ? [new ExecuteStep(parse.GetValue(kernel), parse.GetValue(cellTimeout) is { } s ? TimeSpan.FromSeconds(s) : null, parse.GetValue(allowErrors)), .. preprocessors]
                : preprocessors;
            return RunAsync(request, steps, console, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ConvertRequest request, IReadOnlyList<INotebookPreprocessor> preprocessors, CliConsole console, CancellationToken cancellationToken)
    {
        if (request.InputPath == NotebookInput.StdinName)
        {
            await console.Error.WriteLineAsync("quire convert: reading standard input is not supported; name a notebook file").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var read = await NotebookInput.TryReadAsync(request.InputPath, console, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return ExitCodes.BadInput;
        }

        var issues = NotebookValidator.Validate(read.Document);
        if (issues.Count > 0)
        {
            var more = issues.Count > 1 ? $" (and {issues.Count - 1} more; see quire nb validate)" : string.Empty;
            await console.Error.WriteLineAsync($"{request.InputPath}: not converted, the notebook is invalid: {issues[0]}{more}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var document = read.Document;
        try
        {
            foreach (var step in preprocessors)
            {
                document = await step.ProcessAsync(document, request.InputPath, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ExecuteStepException ex)
        {
            await console.Error.WriteLineAsync($"{request.InputPath}: not converted, the run did not complete: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }

        var outputPath = ConvertOptions.OutputPath(request, document);
        try
        {
            var result = await NotebookConverter.ConvertFileAsync(document, request.Format, outputPath, request.Options, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"converted {request.InputPath} to {result.OutputPath}" +
                (result.ResourcePaths.Count > 0 ? $" (+{result.ResourcePaths.Count} files in {Path.GetDirectoryName(result.ResourcePaths[0])})" : string.Empty)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ConversionException)
        {
            await console.Error.WriteLineAsync($"{outputPath}: not written: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }
    }
}
