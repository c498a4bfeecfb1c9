namespace Quire.Execution.Running;

public enum ExecutionEventKind
{
    /// <summary>The kernel is up; <see cref="ExecutionEvent.Total"/> code cells will run.</summary>
    KernelStarted,

    CellStarted,

    /// <summary>A cell produced an output (<see cref="ExecutionEvent.Output"/>, an nbformat output object).</summary>
    Output,

    CellFinished,
}
