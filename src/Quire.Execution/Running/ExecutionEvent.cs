using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// Progress of a run. <see cref="CellIndex"/> is the cell's index in the notebook, <see cref="Ordinal"/> its 1-based
/// number among the code cells that run, of <see cref="Total"/>. Reported synchronously from the kernel's receive
/// loop for outputs: keep handlers short.
/// </summary>
public sealed record ExecutionEvent(ExecutionEventKind Kind, int CellIndex, int Ordinal, int Total)
{
    public string? CellId { get; init; }

    public JObject? Output { get; init; }

    /// <summary>For <see cref="ExecutionEventKind.CellFinished"/>: whether the cell raised.</summary>
    public bool Failed { get; init; }

    public TimeSpan Duration { get; init; }
}
