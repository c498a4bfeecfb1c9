using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Batches: the plain cells queued behind the running one compiled as one submission (<see cref="CellBatch"/>).
/// While a batch is between two cells, the state that editor services and <c>%who</c> see is the one before the
/// batch; a magic cell ends the batch first (<see cref="SettleAsync"/>).
/// </summary>
internal sealed partial class ScriptRunner
{
    private CellBatch? _batch;

    // After a batch that did not compile, its cells compile one by one (each reports its own errors) rather than
    // being offered to a new batch again with every cell.
    private int _noBatchFor;

    /// <summary>
    /// Ends a batch waiting for a cell other than <paramref name="code"/> (the cell before it failed and the rest were
    /// aborted, or another request came), so that what its cells defined is there for this one.
    /// </summary>
    public async Task SettleAsync(string code)
    {
        if (_batch is { } batch && !batch.IsNext(code))
        {
            await EndBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private CellBatch? StartBatch(string code, Func<IEnumerable<string>> upcoming, ScriptState<object?>? previous, CancellationToken cancellationToken)
    {
        var id = CellBatch.NewId();
        if (BatchPlan.Create(id, code, upcoming, () => Interlocked.Increment(ref _compilations), cancellationToken) is not { } plan)
        {
            return null;
        }

        var options = (previous is null ? Options : _options.ContinuationOptions).WithFilePath(BatchPlan.PathOf(plan.Ids[0]));
        try
        {
            var (script, _) = CellCompiler.Compile(
                text => previous is null ? CSharpScript.Create<object?>(text, options, typeof(CSharpKernelGlobals)) : previous.Script.ContinueWith<object?>(text, options),
                plan.Text,
                cancellationToken);
            _lines.Add(plan.Ids.ToDictionary(BatchPlan.PathOf, cell => cell, StringComparer.Ordinal), script.GetCompilation());
            return new CellBatch(id, plan, script, options, previous, _globals);
        }
        catch (CompilationErrorException)
        {
            _noBatchFor = plan.Codes.Count - 1;
            return null;
        }
    }

    private async Task<CellRun> RunInBatchAsync(CellBatch batch, long? executionCount, CancellationToken cancellationToken)
    {
        if (executionCount is { } count)
        {
            _cellOfCompilation[batch.Plan.Ids[batch.Position]] = count;
        }

        var watch = Interrupt.Watch(cancellationToken);
        var ended = batch.Begin(AmbientCell.Flowing);
        var run = batch.Run!;
        Task first;
        try
        {
            first = await WaitAsync(Task.WhenAny(ended, run), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stuck past the interrupt's grace: the batch is abandoned (stopped at its next point if it gets there),
            // and the state stays as it was before the batch, as for a single cell.
            _ = run.ContinueWith(static (_, w) => ((IDisposable)w!).Dispose(), watch, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            batch.Stop();
            _batch = null;
            throw;
        }

        watch.Dispose();
        _ = _warmUp.AfterFirstCell();
        if (first == ended)
        {
            var (value, hasValue) = batch.Advance();
            return new CellRun(value, hasValue, null);
        }

        // The submission ended: after its last cell, or by an exception in this one.
        var state = await run.ConfigureAwait(false);
        var (last, lastHasValue) = batch.Advance();
        await CommitAsync(batch, state).ConfigureAwait(false);
        return state.Exception is { } exception ? new CellRun(null, false, exception) : new CellRun(last, lastHasValue, null);
    }

    private async Task EndBatchAsync(CellBatch batch)
    {
        batch.Stop();
        _batch = null;
        if (batch.Run is not { } run)
        {
            return;
        }

        try
        {
            await CommitAsync(batch, await run.WaitAsync(InterruptGrace, TimeProvider.System).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Its cell is stuck in something the interrupt cannot reach: the state stays as it was before the batch.
        }
    }

    /// <summary>
    /// Keeps what the batch's cells defined. Variables of cells that never ran exist in the submission too: they are
    /// hidden behind declarations that make any use of them a compile error naming the reason, so that a later cell
    /// cannot read a default value where a chain of single cells would have said the name does not exist.
    /// </summary>
    private async Task CommitAsync(CellBatch batch, ScriptState<object?> state)
    {
        _batch = ReferenceEquals(_batch, batch) ? null : _batch;
        _state = state;
        _options.Applied(batch.Options);
        _cache.Clear();
        if (batch.Position >= batch.Plan.Codes.Count)
        {
            return;
        }

        var unrun = batch.Plan.Ids.Skip(batch.Position).Select(BatchPlan.PathOf).ToHashSet(StringComparer.Ordinal);
        var names = batch.Script.GetCompilation().ScriptClass?.GetMembers().OfType<IFieldSymbol>()
            .Where(f => !f.IsImplicitlyDeclared && f.Locations.Any(l => unrun.Contains(l.GetMappedLineSpan().Path)))
            .Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (names.Count == 0)
        {
            return;
        }

        var text = string.Concat(names.Select(n => $"[global::System.Obsolete(\"{n} is declared in a cell that has not run\", true)] global::Quire.Kernel.CSharp.Runtime.CellBatchPoint.NotRun @{n};\n"));
        try
        {
            _state = await state.ContinueWithAsync<object?>(text, _options.ContinuationOptions.WithFilePath($"{CellFileName}#{Interlocked.Increment(ref _compilations)}"), _ => true).ConfigureAwait(false);
        }
        catch (CompilationErrorException)
        {
            // Nothing hides them; the state keeps them at their defaults.
        }
    }
}
