using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Runs cells as chained Roslyn script submissions, so variables, methods, types and usings persist from cell to
/// cell. Each cell is compiled on its own: line numbers in diagnostics and stack traces are the cell's own.
/// </summary>
internal sealed class ScriptRunner
{
    /// <summary>The file name cells compile under; stack frames in user code carry it.</summary>
    public const string CellFileName = "cell";

    // How long an interrupted cell gets to unwind (and keep what it defined) before the kernel stops waiting for it.
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromMilliseconds(250);

    private readonly CSharpKernelGlobals _globals;
    private readonly ScriptWarmUp _warmUp;
    private readonly ConcurrentDictionary<string, long> _cellNames = new(StringComparer.Ordinal);
    private ScriptState<object?>? _state;

    public ScriptRunner(CSharpKernelGlobals globals)
    {
        _globals = globals;
        _warmUp = ScriptWarmUp.Start();
    }

    /// <summary>The namespaces every cell can use without a using directive.</summary>
    public static IReadOnlyList<string> DefaultImports => ScriptWarmUp.DefaultImports;

    /// <summary>The options cells compile with (waits for the references to be loaded, the first time).</summary>
    public ScriptOptions Options => _warmUp.Options;

    /// <summary>Variables defined so far (the latest of each name), for <c>%who</c> and completion.</summary>
    public IEnumerable<ScriptVariable> Variables => _state?.Variables.GroupBy(v => v.Name).Select(g => g.Last()) ?? [];

    /// <summary>The last submission that compiled (its <c>Previous</c> chain holds the earlier ones), for editor services.</summary>
    public Script? LastSubmission => _state?.Script;

    /// <summary>The execution count of the cell a submission class (<c>Submission#3</c>) was compiled from, for tracebacks.</summary>
    public long? CellOf(string submission) => _cellNames.TryGetValue(submission, out var count) ? count : null;

    public void AddReferences(IEnumerable<MetadataReference> references) => _warmUp.AddReferences(references);

    /// <summary>Compiles and runs one cell. Compile errors throw <see cref="CompilationErrorException"/>.</summary>
    public Task<CellRun> RunAsync(string code, CancellationToken cancellationToken) => RunAsync(code, executionCount: null, cancellationToken);

    /// <summary>
    /// Compiles and runs one cell on a <see cref="CellThread"/>. Compile errors throw
    /// <see cref="CompilationErrorException"/>; an interrupt of a cell that does not stop within a moment throws
    /// <see cref="OperationCanceledException"/> and leaves the state as it was before the cell.
    /// </summary>
    public async Task<CellRun> RunAsync(string code, long? executionCount, CancellationToken cancellationToken)
    {
        await _warmUp.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previous = _state;
        var options = Options;
        var script = CellCompiler.Compile(
            text => previous is null ? CSharpScript.Create<object?>(text, options, typeof(CSharpKernelGlobals)) : previous.Script.ContinueWith<object?>(text, options),
            code,
            cancellationToken);
        var compilation = script.GetCompilation();
        var hasValue = HasTrailingValue(compilation, cancellationToken);
        if (executionCount is { } count && compilation.ScriptClass?.Name is { } name)
        {
            _cellNames[name] = count;
        }

        var watch = Interrupt.Watch(cancellationToken);
        var run = CellThread.Start(() => previous is null
            ? script.RunAsync(_globals, _ => true, CancellationToken.None)
            : script.RunFromAsync(previous, _ => true, CancellationToken.None));

        // Checks stay armed until the cell's code has really stopped, even when the kernel stopped waiting for it.
        _ = run.ContinueWith(static (_, w) => ((IDisposable)w!).Dispose(), watch, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var state = await WaitAsync(run, cancellationToken).ConfigureAwait(false);

        // A failed cell still defines what ran before the exception, as in Python: keep its state.
        _state = state;
        return new CellRun(state.ReturnValue, hasValue, state.Exception);
    }

    private static async Task<ScriptState<object?>> WaitAsync(Task<ScriptState<object?>> run, CancellationToken cancellationToken)
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
    private static bool HasTrailingValue(Compilation compilation, CancellationToken cancellationToken)
    {
        var tree = compilation.SyntaxTrees.Last();
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression, cancellationToken).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
