namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Starts each cell on a thread with a large stack: deep (not endless) recursion works as it would in a console
/// app's main thread and more. A cell stuck in a blocking call after an interrupt holds only its own thread, never
/// the next cell's: the thread that ran the last cell is reused when it is free (creating a thread with an 8 MiB
/// stack per cell cost a millisecond or so of every execute), and a new one is started when it is not.
/// Continuations after the cell's first real await run on the thread pool.
/// </summary>
/// <remarks>
/// Not bigger than a console app's main thread: runaway recursion ends in an exception only once the stack is full,
/// and unwinding costs time per frame (tiny frames fill 8 MiB in about 250,000 calls, unwound in under a second).
/// </remarks>
internal static class CellThread
{
    /// <summary>Address space, committed only as the stack grows.</summary>
    public const int StackSize = 8 * 1024 * 1024;

    // The thread that ran the last cell, waiting for the next one; null while it runs one (or before the first).
    private static Worker? _idle;

    public static Task<T> Start<T>(Func<Task<T>> start)
    {
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The cell runs in the caller's execution context (the ambient cell, culture), as a new thread would.
        var context = ExecutionContext.Capture();
        void Run()
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
        }

        var worker = Interlocked.Exchange(ref _idle, null) ?? Worker.Create();
        worker.Post(context is null ? Run : () => ExecutionContext.Run(context, static r => ((Action)r!)(), (Action)Run));
        return started.Task.Unwrap();
    }

    private sealed class Worker
    {
        // Monitor.Wait/Pulse need a monitor, not a System.Threading.Lock.
        private readonly object _lock = new();
        private Action? _work;

        public static Worker Create()
        {
            var worker = new Worker();
            var thread = new Thread(worker.Loop, StackSize) { IsBackground = true, Name = "Quire cell" };

            // Its own context stays empty: each cell's work runs in the context of the cell that posted it.
            thread.UnsafeStart();
            return worker;
        }

        public void Post(Action work)
        {
            lock (_lock)
            {
                _work = work;
                Monitor.Pulse(_lock);
            }
        }

        private void Loop()
        {
            while (true)
            {
                Action work;
                lock (_lock)
                {
                    while (_work is null)
                    {
                        Monitor.Wait(_lock);
                    }

                    work = _work;
                    _work = null;
                }

                work();

                // Offer this thread for the next cell; if another free one is already waiting, this one ends.
                if (Interlocked.CompareExchange(ref _idle, this, null) is not null)
                {
                    return;
                }
            }
        }
    }
}
