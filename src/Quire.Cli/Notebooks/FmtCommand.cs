using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Notebook.Format;
using Quire.Notebook.Validation;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb fmt FILE…</c>: rewrites notebooks exactly as Python's nbformat would write them.</summary>
internal static class FmtCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CliArguments.Files("Notebooks to format (\"-\" reads standard input and writes standard output).");
        var check = new Option<bool>("--check") { Description = "Change nothing; list files that would change and exit 1 if any would." };
        var upgrade = new Option<bool>("--upgrade") { Description = "Upgrade nbformat 4.0-4.4 (and 3) notebooks to 4.5, adding cell ids." };
        var command = new Command("fmt", """
            Rewrite notebooks in canonical form: byte for byte what Python's nbformat writes (sorted keys, one-space indent,
            text split into lines, non-ASCII kept). Invalid notebooks are left untouched. Writes are atomic.
            """)
        {
            files,
            check,
            upgrade,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(files), parse.GetValue(check), parse.GetValue(upgrade), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool check, bool upgrade, CliConsole console, CancellationToken cancellationToken)
    {
        var exit = ExitCodes.Success;
        foreach (var file in files)
        {
            exit = NotebookInput.Worst(exit, await FormatOneAsync(file, check, upgrade, console, cancellationToken).ConfigureAwait(false));
        }

        return exit;
    }

    private static async Task<int> FormatOneAsync(string file, bool check, bool upgrade, CliConsole console, CancellationToken cancellationToken)
    {
        var read = await NotebookInput.TryReadAsync(file, console, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return ExitCodes.BadInput;
        }

        var document = upgrade ? CellIds.UpgradeTo45(read.Document) : read.Document;
        var issues = NotebookValidator.Validate(document);
        if (issues.Count > 0)
        {
            await console.Error.WriteLineAsync($"{file}: not formatted, the notebook is invalid:").ConfigureAwait(false);
            foreach (var issue in issues)
            {
                await console.Error.WriteLineAsync($"  {issue}").ConfigureAwait(false);
            }

            return ExitCodes.Findings;
        }

        var formatted = NotebookWriter.ToUtf8(document);
        if (file == NotebookInput.StdinName)
        {
            if (!check)
            {
                await console.WriteBytesAsync(formatted, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var current = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        if (current.AsSpan().SequenceEqual(formatted))
        {
            return ExitCodes.Success;
        }

        if (check)
        {
            await console.Out.WriteLineAsync($"would reformat {file}").ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        return await WriteAsync(file, formatted, console, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> WriteAsync(string file, byte[] content, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            await Notebook.IO.AtomicFile.WriteAsync(file, content, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"reformatted {file}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{file}: not written: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }
    }
}
