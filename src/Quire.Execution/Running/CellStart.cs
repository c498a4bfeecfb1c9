namespace Quire.Execution.Running;

/// <summary>
/// Marks a cell as running, once: when its turn comes in the run, or when the kernel says it began it
/// (<c>execute_input</c>), whichever comes first. A cell sent ahead waits in the kernel's queue, and its outputs can
/// reach this client before the run loop has finished the cell before it; either way its start comes before them.
/// </summary>
internal sealed class CellStart(Action<DateTimeOffset> mark, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _at;

    /// <summary>When the cell was marked as running (after <see cref="Run"/>).</summary>
    public DateTimeOffset At
    {
        get
        {
            lock (_lock)
            {
                return _at ?? throw new InvalidOperationException("the cell has not started");
            }
        }
    }

    public void Run()
    {
        lock (_lock)
        {
            if (_at is null)
            {
                _at = time.GetUtcNow();
                mark(_at.Value);
            }
        }
    }
}
