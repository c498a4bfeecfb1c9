using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.EditorServices;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Magics;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp;

/// <summary>The C# language for <see cref="KernelHost"/>: runs cells with Roslyn scripting and answers editor requests.</summary>
public sealed class CSharpEngine : IKernelEngine, IDisposable
{
    private readonly CellContext _context = new();
    private readonly ScriptRunner _runner;
    // Built on first use: Roslyn's workspace (MEF composition) must stay off the path to kernel_info_reply.
    private readonly Lazy<EditorService> _editor;
    private readonly MagicDispatcher _magics;
    private readonly ITimer _editorWarmUp;
    private int _editorWarmedUp;
    private Task? _editorWarmUpTask;

    public CSharpEngine()
        : this(TimeProvider.System)
    {
    }

    internal CSharpEngine(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        ConsoleStreams.EnsureInstalled();
        _runner = new ScriptRunner(new CSharpKernelGlobals(_context));
        _editor = new(() => new EditorService(_runner), LazyThreadSafetyMode.ExecutionAndPublication);
        _magics = new MagicDispatcher(_runner);
        _editorWarmUp = time.CreateTimer(static e => ((CSharpEngine)e!).WarmUpEditorOnce(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The most cells compiled together: a batch cut short by an error has compiled its later cells for nothing.</summary>
    internal const int MaxBatch = 128;

    /// <summary>How long the kernel waits without a cell before it warms up the editor services.</summary>
    internal static TimeSpan EditorWarmUpIdle { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How many batches of queued cells were compiled together.</summary>
    internal int BatchesStarted => _runner.BatchesStarted;

    /// <summary>The editor services' warm-up, once started (null before).</summary>
    internal Task? EditorWarmUp => Volatile.Read(ref _editorWarmUpTask);

    public KernelInfoReply KernelInfo { get; } = CSharpKernelInfo.Create();

    /// <summary>Removes the kernel's package restore folder.</summary>
    public void Dispose()
    {
        _editorWarmUp.Dispose();
        _magics.Dispose();
    }

    public async Task<ExecutionOutcome> ExecuteAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        _ = _editorWarmUp.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _context.Enter(execution, cancellationToken);
        try
        {
            return await RunCellAsync(execution, cancellationToken).ConfigureAwait(false);
        }
        catch (CellDirectiveException ex)
        {
            return ExecutionOutcome.Error(ex.EName, ex.Message, [$"{ex.EName}: {ex.Message}"]);
        }
        finally
        {
            // Everything the cell printed goes out before the host publishes its error and reply.
            await ConsoleStreams.FlushAsync().ConfigureAwait(false);
            if (Volatile.Read(ref _editorWarmedUp) == 0)
            {
                _ = _editorWarmUp.Change(EditorWarmUpIdle, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// Once a cell ran and no other followed for <see cref="EditorWarmUpIdle"/> (the user reads its output), load
    /// Roslyn's completion services in the background so that the first Tab is answered quickly. Not at start, nor
    /// while cells come one after another (<c>quire run</c>, Run All): that would compete with them for the CPU
    /// (a second of it on two cores) for a completion that a headless run never asks for.
    /// </summary>
    private void WarmUpEditorOnce()
    {
        if (Interlocked.Exchange(ref _editorWarmedUp, 1) == 0)
        {
            Volatile.Write(ref _editorWarmUpTask, Task.Run(() => _editor.Value.WarmUpAsync(CancellationToken.None)));
        }
    }

    private async Task<ExecutionOutcome> RunCellAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        // A magic (%who) must see what the cells of a batch that ends here defined.
        await _runner.SettleAsync(execution.Code).ConfigureAwait(false);
        var code = await _magics.PrepareCellAsync(execution, cancellationToken).ConfigureAwait(false);
        if (code is null)
        {
            return ExecutionOutcome.Ok;
        }

        CellRun run;
        try
        {
            // Cells queued behind this one may compile with it (CellBatch); only plain C#, so not after a magic.
            Func<IEnumerable<string>> upcoming = code == execution.Code ? () => execution.UpcomingCode(MaxBatch) : static () => [];
            run = await _runner.RunAsync(code, execution.ExecutionCount, upcoming, cancellationToken).ConfigureAwait(false);
        }
        catch (CompilationErrorException ex)
        {
            return CellErrors.FromCompilation(ex);
        }

        switch (run.Exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                // The host reports an interrupt as KeyboardInterrupt.
                throw new OperationCanceledException(cancellationToken);
            case StdinNotAllowedException stdin:
                // The host reports it as ipykernel does (StdinNotImplementedError).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(stdin);
                break;
            case { } exception:
                return CellErrors.FromException(exception, _runner.Lines, _runner.CellOf);
        }

        if (run.HasValue)
        {
            await ConsoleStreams.FlushAsync().ConfigureAwait(false);
            await execution.PublishResultAsync(ValueFormatter.Format(run.Value), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return ExecutionOutcome.Ok;
    }

    public Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken) =>
        _editor.Value.CompleteAsync(request, cancellationToken);

    public Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken) =>
        _editor.Value.InspectAsync(request, cancellationToken);

    public Task<IsCompleteReply> IsCompleteAsync(IsCompleteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tree = SyntaxFactory.ParseSyntaxTree(request.Code, CSharpParseOptions.Default.WithKind(Microsoft.CodeAnalysis.SourceCodeKind.Script), cancellationToken: cancellationToken);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return Task.FromResult(new IsCompleteReply { Status = "incomplete", Indent = "    " });
        }

        // Complete but with syntax errors (a stray ")"): more lines cannot fix it, so a console should not ask for them.
        var invalid = tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return Task.FromResult(new IsCompleteReply { Status = invalid ? "invalid" : "complete" });
    }
}
