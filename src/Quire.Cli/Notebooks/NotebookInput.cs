using Quire.Cli.Hosting;
using Quire.Notebook;
using Quire.Notebook.Format;

namespace Quire.Cli.Notebooks;

/// <summary>Reads the notebooks named on a command line ("-" is standard input), turning failures into one-line errors.</summary>
internal static class NotebookInput
{
    public const string StdinName = "-";

    /// <summary>Reads one notebook, or writes why not to standard error and returns <c>null</c>.</summary>
    public static async Task<NotebookReadResult?> TryReadAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            if (path == StdinName)
            {
                var bytes = await console.ReadStandardInputAsync(cancellationToken).ConfigureAwait(false);
                return NotebookReader.Read(bytes, "<stdin>");
            }

            if (Directory.Exists(path))
            {
                await console.Error.WriteLineAsync($"{path}: is a directory, not a notebook").ConfigureAwait(false);
                return null;
            }

            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync($"{path}: no such file").ConfigureAwait(false);
                return null;
            }

            return await NotebookReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (NotebookFormatException ex)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Combines per-file exit codes: the worst wins (bad input over findings over success).</summary>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => code switch
    {
        ExitCodes.Success => 0,
        ExitCodes.Findings => 1,
        ExitCodes.BadInput => 2,
        _ => 3,
    };
}
