using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Notebook.Validation;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb validate FILE…</c>: checks notebooks against nbformat's schema.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CliArguments.Files("Notebooks to check (\"-\" reads standard input).");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing for valid files." };
        var command = new Command("validate", $"""
            Check notebooks against the nbformat 4 schema of their minor version; print every error with its JSON path.
            Exit 0 when all are valid, 1 when any is invalid, 3 when any cannot be read.
            """)
        {
            files,
            quiet,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(files), parse.GetValue(quiet), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool quiet, CliConsole console, CancellationToken cancellationToken)
    {
        var exit = ExitCodes.Success;
        foreach (var file in files)
        {
            var read = await NotebookInput.TryReadAsync(file, console, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                exit = NotebookInput.Worst(exit, ExitCodes.BadInput);
                continue;
            }

            var name = file == NotebookInput.StdinName ? "<stdin>" : file;
            foreach (var repair in read.Repairs)
            {
                await console.Error.WriteLineAsync($"{name}: warning: {repair}").ConfigureAwait(false);
            }

            var issues = NotebookValidator.Validate(read.Document);
            if (issues.Count == 0)
            {
                if (!quiet)
                {
                    await console.Out.WriteLineAsync($"{name}: valid (nbformat {read.Document.Format}.{read.Document.FormatMinor})").ConfigureAwait(false);
                }

                continue;
            }

            exit = NotebookInput.Worst(exit, ExitCodes.Findings);
            foreach (var issue in issues)
            {
                await console.Out.WriteLineAsync($"{name}: {issue}").ConfigureAwait(false);
            }
        }

        return exit;
    }
}
