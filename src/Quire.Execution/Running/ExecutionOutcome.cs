using Quire.Notebook;

namespace Quire.Execution.Running;

/// <summary>
/// The executed notebook (outputs up to and including the last cell that ran, provenance in its metadata) and how the
/// run ended. <see cref="FailedCellIndex"/> is the index in <see cref="Document"/>'s cells of the cell that stopped it;
/// after a cell error the document has papermill's two error marker cells (a banner first, an anchor before the failing
/// cell), so that index is two more than in the notebook that was run, which <see cref="Message"/> names.
/// </summary>
public sealed record ExecutionOutcome(NotebookDocument Document, ExecutionStatus Status)
{
    public int? FailedCellIndex { get; init; }

    /// <summary>One line saying what went wrong (the error name and value, the timeout, the kernel's exit status).</summary>
    public string? Message { get; init; }

    /// <summary>The kernel process's exit status when it died, when known.</summary>
    public int? KernelExitCode { get; init; }

    /// <summary>Code cells that ran.</summary>
    public int CellsExecuted { get; init; }
}
