using Quire.Cli.Hosting;
using Quire.Execution.Parameters;
using Quire.Execution.Provenance;
using Quire.Execution.Running;
using Quire.Messaging.ZeroMQ;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.IO;

namespace Quire.Cli.Run;

/// <summary>One <c>quire run</c>: read, parameterize, execute, write, and turn the outcome into an exit code.</summary>
internal static class RunExecution
{
    public static async Task<int> RunAsync(RunRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        var error = console.Error;
        var prepared = await PrepareAsync(request, console, cancellationToken).ConfigureAwait(false);
        if (prepared is null)
        {
            return ExitCodes.BadInput;
        }

        var (notebook, provenance) = prepared.Value;
        var outputPath = request.OutputPath;
        var toStdout = outputPath == "-";
        if (!toStdout && Path.GetDirectoryName(Path.GetFullPath(outputPath)) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"quire run: {outputPath}: cannot write the output, no such directory {folder}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }

        var log = request.LogOutput ? new OutputLog(toStdout ? console.Error : console.Out, console.Colors) : null;
        var options = new ExecutionOptions
        {
            KernelName = request.Kernel,
            FallbackKernelSpec = CSharpKernelFallback.FindAsync,
            WorkingDirectory = Path.GetFullPath(request.WorkingDirectory ?? (request.Input == "-" ? "." : Path.GetDirectoryName(Path.GetFullPath(request.Input)) ?? ".")),
            CellTimeout = request.CellTimeout,
            Timeout = request.Timeout,
            AllowErrors = request.AllowErrors,
            SaveInterval = request.SaveInterval,
            Save = toStdout ? null : (document, ct) => WriteAsync(outputPath, document, ct),
            Provenance = provenance with { OutputPath = toStdout ? null : Path.GetFullPath(outputPath) },
        };

        ExecutionOutcome outcome;
        try
        {
            outcome = await RunProgress.ExecuteAsync(new NotebookExecutor(new ZeroMqTransport()), notebook, options, request.Progress, log, console, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ExecutionSetupException ex)
        {
            await error.WriteLineAsync($"quire run: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            if (toStdout)
            {
                await console.WriteBytesAsync(NotebookWriter.ToUtf8(outcome.Document), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await WriteAsync(outputPath, outcome.Document, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"quire run: {outputPath}: the output was not written: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }

        var where = toStdout ? "standard output" : outputPath;
        if (outcome.Status is ExecutionStatus.Completed)
        {
            return ExitCodes.Success;
        }

        await error.WriteLineAsync($"quire run: {outcome.Message}; the notebook up to there was written to {where}").ConfigureAwait(false);
        return outcome.Status switch
        {
            ExecutionStatus.CellError => ExitCodes.CellError,
            ExecutionStatus.Timeout => ExitCodes.Timeout,
            ExecutionStatus.KernelDied => ExitCodes.KernelDied,
            _ => ExitCodes.Interrupted,
        };
    }

    private static async Task<(NotebookDocument Notebook, RunProvenance Provenance)?> PrepareAsync(RunRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        var error = console.Error;
        byte[] bytes;
        try
        {
            bytes = request.Input == "-"
                ? await console.ReadStandardInputAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllBytesAsync(request.Input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"quire run: {request.Input}: cannot read: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        NotebookDocument notebook;
        try
        {
            notebook = NotebookReader.Read(bytes, request.Input == "-" ? "<stdin>" : request.Input).Document;
        }
        catch (NotebookFormatException ex)
        {
            await error.WriteLineAsync($"quire run: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        NotebookParameters parameters;
        try
        {
            parameters = await RunParameters.CollectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ParameterException ex)
        {
            await error.WriteLineAsync($"quire run: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        if (parameters.Count > 0)
        {
            if (!ParameterInjection.HasParametersCell(notebook))
            {
                // papermill's warning: the values still go in, at the top.
                await error.WriteLineAsync($"quire run: warning: {request.Input} has no cell tagged 'parameters'; the parameters are injected at the top").ConfigureAwait(false);
            }

            var kernelSpec = notebook.Metadata.GetObject("kernelspec");
            var kernelName = request.Kernel ?? kernelSpec?.GetString("name");
            var language = notebook.Metadata.GetObject("language_info")?.GetString("name") ?? kernelSpec?.GetString("language");
            notebook = ParameterInjection.Inject(notebook, parameters, ParameterTranslators.Find(kernelName, language));
        }

        var provenance = request.Input == "-"
            ? new RunProvenance { InputSha256 = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) }
            : await RunProvenance.ForInputAsync(request.Input, bytes, cancellationToken).ConfigureAwait(false);
        return (notebook, provenance with { Parameters = parameters });
    }

    private static Task WriteAsync(string path, NotebookDocument document, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, NotebookWriter.ToUtf8(document), cancellationToken);
}
