using Quire.Execution.Parameters;
using Quire.Notebook.Json;

namespace Quire.Cli.Run;

/// <summary>papermill's CLI order (<c>cli.py</c>): parameter files first, then every <c>-p</c>, then every <c>-r</c>; later values win.</summary>
internal static class RunParameters
{
    /// <exception cref="ParameterException">A file is unreadable or malformed, or a name is not an identifier.</exception>
    public static async Task<NotebookParameters> CollectAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var parameters = new NotebookParameters();
        foreach (var file in request.ParameterFiles)
        {
            parameters.SetAll(await ParameterFile.ReadAsync(file, cancellationToken).ConfigureAwait(false));
        }

        foreach (var (name, value) in request.Parameters)
        {
            parameters.Set(name, CommandLineValues.Resolve(value));
        }

        foreach (var (name, value) in request.RawParameters)
        {
            parameters.Set(name, JString.From(value));
        }

        return parameters;
    }
}
