using Quire.Cli.Run;
using Quire.Conversion;
using Quire.Execution.Provenance;
using Quire.Execution.Running;
using Quire.Messaging.ZeroMQ;
using Quire.Notebook;

namespace Quire.Cli.Convert;

/// <summary>
/// <c>quire convert --execute</c>: runs the notebook with the engine behind <c>quire run</c> before it is exported, in
/// the notebook's folder, with its own kernel, as <c>jupyter nbconvert --execute</c> does. A run that does not complete
/// stops the conversion (nothing is written) unless <c>--allow-errors</c> keeps going past cell errors.
/// </summary>
internal sealed class ExecuteStep(string? kernel, TimeSpan? cellTimeout, bool allowErrors) : INotebookPreprocessor
{
    public async Task<NotebookDocument> ProcessAsync(NotebookDocument document, string inputPath, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var options = new ExecutionOptions
        {
            KernelName = kernel,
            FallbackKernelSpec = CSharpKernelFallback.FindAsync,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(inputPath)),
            CellTimeout = cellTimeout,
            AllowErrors = allowErrors,
            Provenance = await RunProvenance.ForInputAsync(inputPath, bytes, cancellationToken).ConfigureAwait(false),
        };

        ExecutionOutcome outcome;
        try
        {
            outcome = await new NotebookExecutor(new ZeroMqTransport()).ExecuteAsync(document, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionSetupException ex)
        {
            throw new ExecuteStepException(ExitCodes.BadInput, ex.Message);
        }

        return outcome.Status switch
        {
            ExecutionStatus.Completed => outcome.Document,
            ExecutionStatus.CellError => throw new ExecuteStepException(ExitCodes.CellError, outcome.Message ?? "a cell raised an error"),
            ExecutionStatus.Timeout => throw new ExecuteStepException(ExitCodes.Timeout, outcome.Message ?? "the run timed out"),
            ExecutionStatus.KernelDied => throw new ExecuteStepException(ExitCodes.KernelDied, outcome.Message ?? "the kernel died"),
            _ => throw new ExecuteStepException(ExitCodes.Interrupted, outcome.Message ?? "interrupted"),
        };
    }
}
