using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Gets the compiler ready off the startup path, on a background thread from the moment the engine exists (while the
/// kernel answers <c>kernel_info_request</c>). A first submission
/// (<see cref="Root"/>) reads and binds the framework's references, and the user's cells continue it; then, unless a
/// cell is already waiting, a cell is compiled after it as cells are, and dropped. The first cell waits for the root
/// (<see cref="RootReadyForCell"/>) and pays for its own code only, not for a cold Roslyn. Once it ran, a typical cell
/// (<see cref="AfterFirstCell"/>) takes Roslyn's other common paths (declarations, methods, types, loops, lambdas and
/// queries) in the background.
/// </summary>
/// <remarks>
/// Nothing of the warm-up reaches the user: the root declares nothing and prints nothing, and the dropped cell never
/// runs. Measured on two cores and not kept: a bigger throwaway cell (loops, lambdas, both rewriting passes) delayed
/// the first cell by more than it saved later; starting before the sockets are bound, or on a second thread as well,
/// delayed <c>kernel_info_reply</c> without bringing the first cell forward.
/// </remarks>
internal sealed class ScriptWarmUp
{
    private ScriptState<object?>? _root;

    // Compiled (and dropped) once the first cell ran: the kinds of code most cells have, each of which makes Roslyn
    // run (and the runtime JIT) code that the root and "1" never reach, a first-of-its-kind cost of tens of
    // milliseconds that the user's cells would otherwise pay one by one.
    private const string TypicalCell = """
        var values = new List<int> { 1, 2, 3 };
        int Twice(int x) => x * 2;
        class WarmUpPoint { public int X { get; set; } public override string ToString() => $"({X})"; }
        var total = 0;
        foreach (var v in values) { total += Twice(v); }
        Console.WriteLine($"{total} {values.Count}");
        values.Where(x => x > 1).Select(x => new { x, y = x * 1.5 }).ToDictionary(p => p.x, p => p.y.ToString("0.0"))
        """;

    private readonly CellOptions _options;
    private readonly TaskCompletionSource _rootReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _typical;
    private int _cellWaiting;

    private ScriptWarmUp(CellOptions options, CSharpKernelGlobals globals)
    {
        _options = options;
        _ = Task.Run(() => WarmUpAsync(options, globals));
    }

    /// <summary>
    /// For a cell about to run: completes once the root ran (<see cref="Root"/>), never faulted. The throwaway cell is not
    /// waited for, and not compiled at all when the root finishes after this call: the waiting cell takes that path for
    /// real, and waiting for both cost the first cell of a run hundreds of milliseconds.
    /// </summary>
    public Task RootReadyForCell()
    {
        Volatile.Write(ref _cellWaiting, 1);
        return _rootReady.Task;
    }

    /// <summary>
    /// Once the first cell ran: compiles a typical cell after the root and drops it, in the background, on the other
    /// core while the next cells run (not before the first cell, which it would slow down). Later calls return the
    /// same task, which never faults.
    /// </summary>
    public Task AfterFirstCell()
    {
        if (Volatile.Read(ref _typical) is { } existing)
        {
            return existing;
        }

        var started = new Task(() => WarmUpTypical(_options));
        if (Interlocked.CompareExchange(ref _typical, started, null) is { } running)
        {
            return running;
        }

        started.Start(TaskScheduler.Default);
        return started;
    }

    /// <summary>The submission the user's chain starts from, once the root ran; null when the warm-up failed.</summary>
    public ScriptState<object?>? Root => Volatile.Read(ref _root);

    public static ScriptWarmUp Start(CellOptions options, CSharpKernelGlobals globals) => new(options, globals);

    private async Task WarmUpAsync(CellOptions options, CSharpKernelGlobals globals)
    {
        try
        {
            var full = options.Options;

            // Declares nothing. A root with LINQ and a lambda warmed more, but cost the first cell a fifth more CPU.
            const string RootCode = "0";
            var root = await CSharpScript.Create<object?>(RootCode, full, typeof(CSharpKernelGlobals))
                .RunAsync(globals, _ => true, CancellationToken.None).ConfigureAwait(false);
            options.Applied(full);
            Volatile.Write(ref _root, root);
            _rootReady.TrySetResult();
            if (Volatile.Read(ref _cellWaiting) != 0)
            {
                return;
            }

            // A cell after it, compiled as cells are and dropped: the path every cell takes, taken once.
            var continuation = options.ContinuationOptions;
            var cell = CellCompiler.Compile(text => root.Script.ContinueWith<object?>(text, continuation), "1", CancellationToken.None).Script;
            var compilation = cell.GetCompilation();
            _ = compilation.GetSemanticModel(compilation.SyntaxTrees.Last()).GetDiagnostics();
        }
#pragma warning disable CA1031 // Warming up is an optimisation: the first cell reports any real problem itself.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            _rootReady.TrySetResult();
        }
    }

    private void WarmUpTypical(CellOptions options)
    {
        if (Root is not { } root)
        {
            return;
        }

        try
        {
            // Never run: compiling is what is slow the first time, and running would show output.
            var continuation = options.ContinuationOptions;
            var cell = CellCompiler.Compile(text => root.Script.ContinueWith<object?>(text, continuation), TypicalCell, CancellationToken.None);
            var model = cell.BoundModel ?? cell.Script.GetCompilation().GetSemanticModel(cell.Script.GetCompilation().SyntaxTrees.Last());
            _ = model.GetDiagnostics();

            // The formatting of a first result: tables of sequences and dictionaries, scalars.
            _ = ValueFormatter.Format(new Dictionary<int, string> { [1] = "a" });
            _ = ValueFormatter.Format(new List<int> { 1 });
            _ = ValueFormatter.Format(1);
        }
#pragma warning disable CA1031 // As above: an optimisation only.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
