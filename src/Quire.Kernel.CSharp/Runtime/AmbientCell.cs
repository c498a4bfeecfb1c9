namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// The cell that code belongs to. The async-local flows into every task, thread and timer a cell starts, so their
/// output and interrupt checks reach that cell even after it ended or while another runs; code outside any cell's
/// flow (a finalizer, a native callback) falls back to the cell entered last.
/// </summary>
internal static class AmbientCell
{
    private static readonly AsyncLocal<RunningCell?> Local = new();
    private static RunningCell? _last;

    /// <summary>The cell whose execution context this code runs in, if any.</summary>
    public static RunningCell? Flowing => Local.Value;

    /// <summary>The cell this code belongs to, else the one entered last.</summary>
    public static RunningCell? Current => Local.Value ?? Volatile.Read(ref _last);

    /// <summary>Makes <paramref name="cell"/> the ambient cell of the caller's execution context (and the latest one).</summary>
    public static void Enter(RunningCell cell)
    {
        Local.Value = cell;
        Volatile.Write(ref _last, cell);
    }
}
