using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// The cell that is running now. Kernel helpers called from user code (and from threads and tasks the cell started)
/// reach the current execution through it; between cells it holds the last one, so late output still has a home.
/// </summary>
internal sealed class CellContext
{
    private RunningCell? _current;

    /// <summary>The execution of the cell the calling code belongs to (its flow), else the engine's latest cell.</summary>
    public KernelExecution? Current => (AmbientCell.Flowing ?? Volatile.Read(ref _current))?.Execution;

    /// <summary>The token an interrupt of that cell cancels.</summary>
    public CancellationToken CancellationToken => (AmbientCell.Flowing ?? Volatile.Read(ref _current))?.CancellationToken ?? CancellationToken.None;

    /// <summary>Makes <paramref name="execution"/> the running cell, for this engine and for the caller's flow.</summary>
    public void Enter(KernelExecution execution, CancellationToken cancellationToken)
    {
        var cell = new RunningCell(execution, cancellationToken);
        Volatile.Write(ref _current, cell);
        AmbientCell.Enter(cell);
    }

    /// <summary>
    /// Publishes what the cell printed so far. Call it before publishing anything else for the cell (display data,
    /// results), so that outputs arrive in the order the cell produced them.
    /// </summary>
    public static Task FlushStreamsAsync() => ConsoleStreams.FlushAsync();
}
