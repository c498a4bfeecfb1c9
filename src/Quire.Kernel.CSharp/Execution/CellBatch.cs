using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Cells queued together (a frontend's Run All, <c>quire run</c> sending cells ahead) compiled as one submission and run
/// one cell per execute request. Roslyn's fixed cost per submission (a compilation, its references bound afresh, an
/// assembly emitted and loaded: ~7 ms of CPU) is paid once for the batch instead of once per cell. Between two cells
/// the submission calls <see cref="CellBatchPoint.Next"/>, which hands the finished cell's outcome to the engine and
/// blocks the batch's thread until the next cell's request is being handled (it is then that cell's ambient cell, so
/// its output and input go to its own request), or until the batch is stopped (another cell came instead): the
/// submission then ends by an exception there, and the state it leaves keeps what the cells that ran defined, as a
/// failed cell's does. Cells that did not run are never resumed.
/// </summary>
internal sealed class CellBatch
{
    private static readonly ConcurrentDictionary<long, CellBatch> Batches = new();
    private static long _lastId;

    private readonly Lock _lock = new();
    // Monitor.Wait/Pulse need a monitor, not a System.Threading.Lock: the batch's thread waits on it between cells.
    private readonly object _gate = new();
    private int _resumes;
    private readonly ScriptState<object?>? _previous;
    private readonly CSharpKernelGlobals _globals;
    private TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RunningCell? _next;
    private bool _stop;
    private object? _value;
    private bool _hasValue;

    public CellBatch(long id, BatchPlan plan, Script<object?> script, ScriptOptions options, ScriptState<object?>? previous, CSharpKernelGlobals globals)
    {
        Id = id;
        Plan = plan;
        Script = script;
        Options = options;
        _previous = previous;
        _globals = globals;
    }

    public long Id { get; }

    public BatchPlan Plan { get; }

    public Script<object?> Script { get; }

    /// <summary>The options the submission compiled with: its references join the chain with it.</summary>
    public ScriptOptions Options { get; }

    /// <summary>The cell whose turn it is (or comes next), as an index into <see cref="BatchPlan.Codes"/>.</summary>
    public int Position { get; private set; }

    /// <summary>The submission's run, once the first cell began; it ends after the last cell, an exception, or a stop.</summary>
    public Task<ScriptState<object?>>? Run { get; private set; }

    /// <summary>A number for a new batch: the submission's calls name it.</summary>
    public static long NewId() => Interlocked.Increment(ref _lastId);

    /// <summary>The batch <paramref name="id"/> while its submission may still call it.</summary>
    public static CellBatch? Live(long id) => Batches.TryGetValue(id, out var batch) ? batch : null;

    /// <summary>Whether <paramref name="code"/> is the cell the batch runs next.</summary>
    public bool IsNext(string code) => Position < Plan.Codes.Count && string.Equals(Plan.Codes[Position], code, StringComparison.Ordinal);

    /// <summary>Starts the cell at <see cref="Position"/> in <paramref name="cell"/>'s name; the task ends when it reached the next cell.</summary>
    public Task Begin(RunningCell? cell)
    {
        Task ended;
        lock (_lock)
        {
            _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ended = _ended.Task;
            _value = null;
            _hasValue = false;
            _next = cell;
        }

        if (Run is null)
        {
            Batches[Id] = this;
            var previous = _previous;
            var script = Script;
            var globals = _globals;
            Run = CellThread.Start(() => previous is null
                ? script.RunAsync(globals, _ => true, CancellationToken.None)
                : script.RunFromAsync(previous, _ => true, CancellationToken.None));
            _ = Run.ContinueWith(static (_, b) => Batches.TryRemove(((CellBatch)b!).Id, out CellBatch? _), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            Resume();
        }

        return ended;
    }

    /// <summary>The cell at <see cref="Position"/> ended: its trailing value (if it has one), and the turn passes on.</summary>
    public (object? Value, bool HasValue) Advance()
    {
        lock (_lock)
        {
            Position++;
            return (_value, _hasValue);
        }
    }

    /// <summary>No further cell runs: the submission ends at its next <see cref="CellBatchPoint.Next"/>.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stop = true;
        }

        Resume();
    }

    /// <summary>On the batch's thread, between two cells (<see cref="CellBatchPoint.Next"/>).</summary>
    internal void Next()
    {
        TaskCompletionSource ended;
        lock (_lock)
        {
            ended = _ended;
        }

        ended.TrySetResult();
        lock (_gate)
        {
            while (_resumes == 0)
            {
                Monitor.Wait(_gate);
            }

            _resumes--;
        }

        RunningCell? next;
        lock (_lock)
        {
            if (_stop)
            {
                throw new StoppedException();
            }

            next = _next;
        }

        if (next is not null)
        {
            AmbientCell.Enter(next);
        }
    }

    private void Resume()
    {
        lock (_gate)
        {
            _resumes++;
            Monitor.Pulse(_gate);
        }
    }

    internal void SetValue(object? value)
    {
        lock (_lock)
        {
            _value = value;
            _hasValue = true;
        }
    }

    /// <summary>Ends a stopped batch's submission at the point between two cells.</summary>
    private sealed class StoppedException : Exception
    {
        public StoppedException()
            : base("the cells after this point did not run")
        {
        }
    }
}
