using Quire.Cli.Hosting;
using Quire.Cli.Notebooks;
using Quire.Execution.Recording;
using Quire.Notebook.Json;

namespace Quire.Cli.Run;

/// <summary><c>quire run --read-values FILE</c>: the values a run recorded, as one JSON object on standard output.</summary>
internal static class ReadValues
{
    public static async Task<int> RunAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        var read = await NotebookInput.TryReadAsync(path, console, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return ExitCodes.BadInput;
        }

        await console.Out.WriteLineAsync(JsonText.ToCompactString(RecordedValues.Read(read.Document))).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
