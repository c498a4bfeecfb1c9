namespace Quire.Execution.Running;

/// <summary>How a run ended.</summary>
public enum ExecutionStatus
{
    /// <summary>Every code cell ran (with <see cref="ExecutionOptions.AllowErrors"/>, some may have raised).</summary>
    Completed,

    /// <summary>A cell raised and errors were not allowed: the run stopped there.</summary>
    CellError,

    /// <summary>A cell ran past <see cref="ExecutionOptions.CellTimeout"/>, or the run past <see cref="ExecutionOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The kernel process died (or stopped answering heartbeats) during the run.</summary>
    KernelDied,

    /// <summary>The caller cancelled: the running cell was interrupted and the run stopped.</summary>
    Interrupted,
}
