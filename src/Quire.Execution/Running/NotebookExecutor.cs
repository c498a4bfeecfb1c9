using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Execution.Provenance;
using Quire.Execution.Recording;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Messaging.Transport;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// Runs a notebook's code cells in order in a fresh kernel, as nbclient's <c>NotebookClient</c> with papermill's
/// bookkeeping: outputs and execution counts filled in, per-cell timing (<c>metadata.execution</c>,
/// <c>metadata.papermill</c>), provenance (<c>metadata.quire</c>), stdin refused (<c>allow_stdin=false</c>), periodic
/// saves, and an outcome that says how the run ended. The kernel is never restarted: one that dies ends the run.
/// </summary>
public sealed partial class NotebookExecutor
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(10);

    private readonly IKernelTransport _transport;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public NotebookExecutor(IKernelTransport transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<NotebookExecutor>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Executes <paramref name="notebook"/>. Cancelling <paramref name="cancellationToken"/> interrupts the running cell
    /// and ends the run with <see cref="ExecutionStatus.Interrupted"/> (the kernel start is simply abandoned).
    /// </summary>
    /// <exception cref="ExecutionSetupException">No kernel is named, none of that name exists, or it did not start.</exception>
    public async Task<ExecutionOutcome> ExecuteAsync(NotebookDocument notebook, ExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(options);
        var kernelName = options.KernelName ?? notebook.Metadata.GetObject("kernelspec")?.GetString("name")
            ?? throw new ExecutionSetupException("the notebook names no kernel (metadata.kernelspec.name is missing); choose one with --kernel");
        var spec = await ResolveAsync(kernelName, options, cancellationToken).ConfigureAwait(false);
        if (options.IPythonHistoryInMemory && spec.Argv.Any(a => a.Contains("ipykernel", StringComparison.Ordinal)))
        {
            spec = spec with { Argv = [.. spec.Argv, "--HistoryManager.hist_file=:memory:"] };
        }

        var started = _time.GetUtcNow();
        var run = new RunningNotebook(ErrorMarkers.Remove(notebook));
        var cells = Prepare(run);
        run.UpdateMetadata(m => ProvenanceMetadata.Begin(m, options.Provenance, spec, options.WorkingDirectory, started));

        var managerOptions = (options.KernelManager ?? new KernelManagerOptions()) with { RestartLimit = 0 };
        var manager = new KernelManager(spec, _transport, managerOptions, loggerFactory: _loggerFactory, timeProvider: _time);
        await using (manager.ConfigureAwait(false))
        {
            var death = new TaskCompletionSource<KernelStatusChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            manager.StatusChanged += (_, e) =>
            {
                if (e.Status is KernelStatus.Dead or KernelStatus.Restarting)
                {
                    death.TrySetResult(e);
                }
            };
            await StartKernelAsync(manager, spec, options, cancellationToken).ConfigureAwait(false);
            run.UpdateMetadata(m => ProvenanceMetadata.Kernel(m, manager.KernelInfo));
            LogStarted(_logger, spec.Name, cells.Count);
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.KernelStarted, -1, 0, cells.Count));

            ExecutionOutcome outcome;
            var saver = AutoSaver.Start(run, options.Save, options.SaveInterval, _time, _logger);
            try
            {
                var deadline = options.Timeout is { } total ? started + total : (DateTimeOffset?)null;
                outcome = await RunCellsAsync(run, manager, cells, options, death.Task, deadline, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (saver is not null)
                {
                    await saver.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (outcome.Status is not ExecutionStatus.KernelDied)
            {
                await ShutdownAsync(manager).ConfigureAwait(false);
            }

            var ended = _time.GetUtcNow();
            var failedId = outcome.FailedCellIndex is { } failed ? run.Cells[failed].Id : null;
            var markedAt = outcome is { Status: ExecutionStatus.CellError, FailedCellIndex: { } errorIndex } ? errorIndex : (int?)null;

            // The index recorded and returned is the one in the notebook written, after the error markers.
            outcome = markedAt is { } at ? outcome with { FailedCellIndex = at + ErrorMarkers.Shift } : outcome;
            var records = RecordedValues.Read(run.Snapshot());
            run.UpdateMetadata(m => ProvenanceMetadata.End(m, outcome, started, ended, failedId, records));
            var status = ProvenanceMetadata.StatusName(outcome.Status);
            var seconds = (ended - started).TotalSeconds;
            LogFinished(_logger, status, outcome.CellsExecuted, seconds);
            return outcome with { Document = markedAt is { } index ? ErrorMarkers.Add(run.Snapshot(), index) : run.Snapshot() };
        }
    }

    // papermill's notebook_start: every code cell loses its outputs and count, every cell gets a pending status.
    private static List<int> Prepare(RunningNotebook run)
    {
        var toRun = new List<int>();
        var cells = run.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            run.UpdateCellMetadata(i, m => m.With("papermill", JObject.Of(
                ("duration", JLiteral.Null), ("end_time", JLiteral.Null), ("exception", JLiteral.Null), ("start_time", JLiteral.Null), ("status", "pending"))));
            if (cell is not CodeCell)
            {
                continue;
            }

            run.Reset(i);

            // nbclient skips blank cells and those tagged skip-execution.
            if (!string.IsNullOrWhiteSpace(cell.Source) && !cell.Tags.Contains("skip-execution", StringComparer.Ordinal))
            {
                toRun.Add(i);
            }
        }

        return toRun;
    }

    private async Task<KernelSpec> ResolveAsync(string name, ExecutionOptions options, CancellationToken cancellationToken)
    {
        var finder = new KernelSpecFinder(options.KernelSpecs, _loggerFactory.CreateLogger<KernelSpecFinder>());
        KernelSpec? spec;
        try
        {
            spec = await finder.FindAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new ExecutionSetupException($"kernelspec '{name}' cannot be read: {ex.Message}", ex);
        }

        if (spec is null && options.FallbackKernelSpec is { } fallback)
        {
            spec = await fallback(name, cancellationToken).ConfigureAwait(false);
        }

        if (spec is null)
        {
            var catalog = await finder.FindAllAsync(cancellationToken).ConfigureAwait(false);
            var names = catalog.Specs.Keys.Order(StringComparer.Ordinal).ToList();
            var available = names.Count == 0 ? "no kernelspecs are installed" : $"available: {string.Join(", ", names)}";
            throw new ExecutionSetupException($"no kernelspec named '{name}'; {available}");
        }

        return spec;
    }

    private static async Task StartKernelAsync(KernelManager manager, KernelSpec spec, ExecutionOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await manager.StartAsync(new KernelStartParameters { WorkingDirectory = options.WorkingDirectory }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var tail = (ex as KernelStartException)?.OutputTail.Trim();
            var detail = string.IsNullOrEmpty(tail) ? string.Empty : $"\n{tail}";
            throw new ExecutionSetupException($"kernel '{spec.Name}' failed to start: {ex.Message}{detail}", ex);
        }
    }

    private async Task ShutdownAsync(KernelManager manager)
    {
        try
        {
            await manager.ShutdownAsync(now: false, CancellationToken.None).WaitAsync(ShutdownWait, _time).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
        {
            // Disposing the manager kills what is left.
            LogShutdownFailed(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel {Kernel} started; {Cells} code cells to run")]
    private static partial void LogStarted(ILogger logger, string kernel, int cells);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run ended: {Status} after {Cells} cells in {Seconds:0.###} s")]
    private static partial void LogFinished(ILogger logger, string status, int cells, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kernel did not shut down cleanly: {Reason}")]
    private static partial void LogShutdownFailed(ILogger logger, string reason);
}
