using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Runs cells as chained Roslyn script submissions, so variables, methods, types and usings persist from cell to
/// cell. Each cell is compiled on its own, or together with the plain cells queued behind it (a batch, see
/// ScriptRunner.Batches.cs); either way line numbers in diagnostics and stack traces are the cell's own. A cell that
/// declares nothing is not added to the chain (later cells cannot see anything of it), which keeps the chain, and the
/// work of compiling after it, short; running the same such cell again reuses its compilation.
/// </summary>
internal sealed partial class ScriptRunner
{
    /// <summary>The file name cells compile under (<c>cell#ID</c>, see <see cref="CompiledCell.Id"/>); stack frames in user code carry it.</summary>
    public const string CellFileName = "cell";

    // How long an interrupted cell gets to unwind (and keep what it defined) before the kernel stops waiting for it.
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromMilliseconds(250);

    private readonly CSharpKernelGlobals _globals;
    private readonly CellOptions _options = new();
    private readonly ScriptWarmUp _warmUp;
    private readonly CellCache _cache = new();
    private readonly CellLines _lines = new();
    private readonly ConcurrentDictionary<int, long> _cellOfCompilation = new();
    private int _compilations;
    private ScriptState<object?>? _state;

    public ScriptRunner(CSharpKernelGlobals globals)
    {
        _globals = globals;
        _warmUp = ScriptWarmUp.Start(_options, globals);
    }

    /// <summary>The namespaces every cell can use without a using directive.</summary>
    public static IReadOnlyList<string> DefaultImports => CellOptions.DefaultImports;

    /// <summary>The options cells compile with (waits for the references to be loaded, the first time).</summary>
    public ScriptOptions Options => _options.Options;

    /// <summary>Variables defined so far (the latest of each name), for <c>%who</c> and completion.</summary>
    public IEnumerable<ScriptVariable> Variables =>
        _state?.Variables.GroupBy(v => v.Name).Select(g => g.Last()).Where(v => v.Type != typeof(CellBatchPoint.NotRun)) ?? [];

    /// <summary>The last submission of the chain (its <c>Previous</c> chain holds the earlier ones), for editor services.</summary>
    public Script? LastSubmission => _state?.Script;

    /// <summary>How many cells were compiled (a cell run again from <see cref="CellCache"/> is not).</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    /// <summary>How many batches of queued cells were compiled together (<see cref="CellBatch"/>).</summary>
    internal int BatchesStarted { get; private set; }

    /// <summary>The lines of stack frames in cells, for tracebacks (cells are compiled without a PDB).</summary>
    public CellLines Lines => _lines;

    /// <summary>The execution count of the cell that compilation <paramref name="id"/> (from a <c>cell#ID</c> file name) last ran as, for tracebacks.</summary>
    public long? CellOf(int id) => _cellOfCompilation.TryGetValue(id, out var count) ? count : null;

    public void AddReferences(IEnumerable<MetadataReference> references)
    {
        _options.AddReferences(references);
        _cache.Clear();
    }

    /// <summary>Compiles and runs one cell. Compile errors throw <see cref="CompilationErrorException"/>.</summary>
    public Task<CellRun> RunAsync(string code, CancellationToken cancellationToken) => RunAsync(code, executionCount: null, cancellationToken);

    /// <summary>
    /// Compiles and runs one cell on a <see cref="CellThread"/>. Compile errors throw
    /// <see cref="CompilationErrorException"/>; an interrupt of a cell that does not stop within a moment throws
    /// <see cref="OperationCanceledException"/> and leaves the state as it was before the cell.
    /// </summary>
    public Task<CellRun> RunAsync(string code, long? executionCount, CancellationToken cancellationToken) =>
        RunAsync(code, executionCount, static () => [], cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string, long?, CancellationToken)"/>; <paramref name="upcoming"/> gives the code of the cells
    /// queued behind this one, which may then be compiled together with it (<see cref="CellBatch"/>).
    /// </summary>
    public async Task<CellRun> RunAsync(string code, long? executionCount, Func<IEnumerable<string>> upcoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        await _warmUp.RootReadyForCell().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_batch is { } batch)
        {
            if (batch.IsNext(code))
            {
                return await RunInBatchAsync(batch, executionCount, cancellationToken).ConfigureAwait(false);
            }

            await EndBatchAsync(batch).ConfigureAwait(false);
        }

        var previous = _state ??= _warmUp.Root;
        if (_noBatchFor > 0)
        {
            _noBatchFor--;
        }
        else if (_cache.Find(code, previous?.Script) is null && StartBatch(code, upcoming, previous, cancellationToken) is { } started)
        {
            _batch = started;
            BatchesStarted++;
            return await RunInBatchAsync(started, executionCount, cancellationToken).ConfigureAwait(false);
        }

        var cell = _cache.Find(code, previous?.Script) ?? Compile(code, previous, cancellationToken);
        if (executionCount is { } count)
        {
            _cellOfCompilation[cell.Id] = count;
        }

        var watch = Interrupt.Watch(cancellationToken);
        var script = cell.Script;
        var run = CellThread.Start(() => previous is null
            ? script.RunAsync(_globals, _ => true, CancellationToken.None)
            : script.RunFromAsync(previous, _ => true, CancellationToken.None));

        // Checks stay armed until the cell's code has really stopped, even when the kernel stopped waiting for it.
        _ = run.ContinueWith(static (_, w) => ((IDisposable)w!).Dispose(), watch, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var state = await WaitAsync(run, cancellationToken).ConfigureAwait(false);
        if (cell.Declares)
        {
            // A failed cell still defines what ran before the exception, as in Python: keep its state.
            _state = state;
            _options.Applied(cell.Options);
            _cache.Clear();
        }
        else
        {
            _cache.Remember(code, previous?.Script, cell);
        }

        _ = _warmUp.AfterFirstCell();
        return new CellRun(state.ReturnValue, cell.HasValue, state.Exception);
    }

    private CompiledCell Compile(string code, ScriptState<object?>? previous, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _compilations);
        var path = $"{CellFileName}#{id}";
        var options = (previous is null ? Options : _options.ContinuationOptions).WithFilePath(path);
        var (script, boundModel) = CellCompiler.Compile(
            text => previous is null ? CSharpScript.Create<object?>(text, options, typeof(CSharpKernelGlobals)) : previous.Script.ContinueWith<object?>(text, options),
            code,
            cancellationToken);
        var compilation = script.GetCompilation();
        _lines.Add(id, path, compilation);
        var root = (CompilationUnitSyntax)compilation.SyntaxTrees.Last().GetRoot(cancellationToken);
        var model = boundModel ?? compilation.GetSemanticModel(root.SyntaxTree);
        return new CompiledCell(script, options, id, HasTrailingValue(model, (CompilationUnitSyntax)model.SyntaxTree.GetRoot(cancellationToken), cancellationToken), Declares(compilation, root));
    }

    private static async Task<T> WaitAsync<T>(Task<T> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            try
            {
                return await run.WaitAsync(InterruptGrace, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Awaiting something that ignores the token: the cell is abandoned, its state never committed.
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>True when the cell ends with an expression without a semicolon whose type is not void: its value is the result.</summary>
    private static bool HasTrailingValue(SemanticModel model, CompilationUnitSyntax root, CancellationToken cancellationToken)
    {
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
        {
            return false;
        }

        if (CannotBeVoid(statement.Expression))
        {
            // The cell compiled, so the expression has a type, and void it cannot be: no need to bind it once more.
            return true;
        }

        var type = model.GetTypeInfo(statement.Expression, cancellationToken).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>
    /// Whether an expression that compiled has a type other than void by its syntax alone: only a call (plain,
    /// <c>?.</c>, awaited) can be void, and only <c>null</c> and <c>default</c> have no type at all.
    /// </summary>
    internal static bool CannotBeVoid(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is not (InvocationExpressionSyntax or ConditionalAccessExpressionSyntax or AwaitExpressionSyntax)
            && !expression.IsKind(SyntaxKind.NullLiteralExpression) && !expression.IsKind(SyntaxKind.DefaultLiteralExpression);
    }

    /// <summary>
    /// Whether later cells can see anything of this one: a member of its script class (variables, methods, types,
    /// properties), a using, an extern alias, or a <c>#r</c>/<c>#load</c> directive.
    /// </summary>
    private static bool Declares(Compilation compilation, CompilationUnitSyntax root) =>
        root.Usings.Count > 0 || root.Externs.Count > 0 || root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0
        || compilation.SyntaxTrees.Count() > 1
        || compilation.ScriptClass?.GetMembers().Any(m => !m.IsImplicitlyDeclared) != false;
}
