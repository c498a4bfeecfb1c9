namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Starts each cell on a thread of its own with a large stack: deep (not endless) recursion works as it would in a
/// console app's main thread and more, and a cell stuck in a blocking call after an interrupt holds only its own
/// thread, never the next cell's. Continuations after the cell's first real await run on the thread pool.
/// </summary>
/// <remarks>
/// Not bigger than a console app's main thread: runaway recursion ends in an exception only once the stack is full,
/// and unwinding costs time per frame (tiny frames fill 8 MiB in about 250,000 calls, unwound in under a second).
/// </remarks>
internal static class CellThread
{
    /// <summary>Address space, committed only as the stack grows.</summary>
    public const int StackSize = 8 * 1024 * 1024;

    public static Task<T> Start<T>(Func<Task<T>> start)
    {
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    started.SetResult(start());
                }
#pragma warning disable CA1031 // Whatever the cell's start throws belongs to the task the engine awaits.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    started.SetException(ex);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "Quire cell",
        };
        thread.Start();
        return started.Task.Unwrap();
    }
}
