using System.Globalization;
using Quire.Kernels.Management;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>The cell loop: one cell after another until the end, an error that is not allowed, or a stop.</summary>
public sealed partial class NotebookExecutor
{
    private async Task<ExecutionOutcome> RunCellsAsync(
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        ExecutionOptions options,
        Task<KernelStatusChangedEventArgs> death,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        var snapshot = run.Cells;
        var executed = 0;
        PendingCell? next = null;
        try
        {
            for (var ordinal = 1; ordinal <= cells.Count; ordinal++)
            {
                var index = cells[ordinal - 1];
                var cell = snapshot[index];
                var allowErrors = AllowsErrors(options, cell);
                DateTimeOffset start;
                PendingCell? current;
                if (next is not null)
                {
                    (current, next) = (next, null);
                    start = current.Sent;
                }
                else
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return new ExecutionOutcome(run.Template, ExecutionStatus.Interrupted) { Message = "interrupted before the next cell", CellsExecuted = executed };
                    }

                    if (deadline is { } runDeadline && _time.GetUtcNow() >= runDeadline)
                    {
                        return new ExecutionOutcome(run.Template, ExecutionStatus.Timeout) { Message = "the run timed out (--timeout) before the next cell", CellsExecuted = executed };
                    }

                    start = _time.GetUtcNow();
                    current = Send(run, manager, cells, ordinal, options, deadline, start, cancellationToken);
                }

                CellOutcome result;
                if (current is null)
                {
                    result = await DiedAsync(death).ConfigureAwait(false);
                }
                else
                {
                    try
                    {
                        if (ordinal < cells.Count)
                        {
                            next = await SendNextOnOkReplyAsync(current, run, manager, cells, ordinal + 1, options, death, deadline, cancellationToken).ConfigureAwait(false);
                        }

                        result = await FinishAsync(current, run, manager, index, options, death, nextSent: next is not null).ConfigureAwait(false);
                    }
                    finally
                    {
                        await current.DisposeAsync().ConfigureAwait(false);
                    }
                }

                executed++;
                var end = _time.GetUtcNow();
                var failed = result.Failed || result.Stop is not null;
                run.UpdateCellMetadata(index, m => m.With("papermill", (m.GetObject("papermill") ?? JObject.Empty)
                    .With("end_time", Timestamps.Format(end))
                    .With("duration", JNumber.From((end - start).TotalSeconds))
                    .With("exception", failed ? JLiteral.True : JLiteral.Null)
                    .With("status", failed ? "failed" : "completed")));
                options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.CellFinished, index, ordinal, cells.Count)
                {
                    CellId = cell.Id,
                    Failed = failed,
                    Duration = end - start,
                });

                if (result.Stop is { } stop)
                {
                    return new ExecutionOutcome(run.Template, stop)
                    {
                        FailedCellIndex = index,
                        Message = $"cell {index}{IdText(cell.Id)}: {result.Message}",
                        KernelExitCode = result.KernelExitCode,
                        CellsExecuted = executed,
                    };
                }

                if (result.Failed && !allowErrors)
                {
                    return new ExecutionOutcome(run.Template, ExecutionStatus.CellError)
                    {
                        FailedCellIndex = index,
                        Message = $"cell {index}{IdText(cell.Id)} raised {result.Ename}: {result.Evalue}",
                        CellsExecuted = executed,
                    };
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                await AbandonAsync(run, next).ConfigureAwait(false);
            }
        }

        return new ExecutionOutcome(run.Template, ExecutionStatus.Completed) { CellsExecuted = executed };
    }

    private static bool AllowsErrors(ExecutionOptions options, NotebookCell cell) =>
        options.AllowErrors || cell.Tags.Contains("raises-exception", StringComparer.Ordinal);

    /// <summary>
    /// Sends the next cell once this one's reply says ok, so that it is already queued in the kernel while the kernel
    /// publishes this cell's remaining outputs and its idle: the kernel's and the client's turn between two cells is
    /// saved (nbclient waits for the idle before it sends). Only after an ok reply: after an error (stop-on-error) no
    /// later cell may run, so none may have been sent. Anything else that ends the wait first (the cell's completion,
    /// the kernel's death, the time limit, Ctrl+C) sends nothing and leaves it to <see cref="FinishAsync"/>.
    /// </summary>
    private async Task<PendingCell?> SendNextOnOkReplyAsync(
        PendingCell current,
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        int nextOrdinal,
        ExecutionOptions options,
        Task<KernelStatusChangedEventArgs> death,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(current.OkReply, current.Execution, death, current.Timer, current.Cancelled).ConfigureAwait(false);
        if (first != current.OkReply || !await current.OkReply.ConfigureAwait(false) || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return deadline is { } d && now >= d ? null : Send(run, manager, cells, nextOrdinal, options, deadline, now, cancellationToken);
    }

    /// <summary>Marks the cell as running and sends its request; null when there is no kernel client to send it with.</summary>
    private PendingCell? Send(
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        int ordinal,
        ExecutionOptions options,
        DateTimeOffset? deadline,
        DateTimeOffset start,
        CancellationToken cancellationToken)
    {
        var index = cells[ordinal - 1];
        var cell = run.Cells[index];
        run.UpdateCellMetadata(index, m => m
            .With("execution", JObject.Empty)
            .With("papermill", (m.GetObject("papermill") ?? JObject.Empty).With("start_time", Timestamps.Format(start)).With("status", "running")));

        // Reported here, before the request goes out, so that every output event of the cell follows its start.
        options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.CellStarted, index, ordinal, cells.Count) { CellId = cell.Id });
        if (manager.Client is not { } client)
        {
            return null;
        }

        var handler = new CellMessageHandler(run, index, _time, output =>
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.Output, index, ordinal, cells.Count) { CellId = cell.Id, Output = output }));
        var request = new Quire.Messaging.Client.ExecuteOptions { StopOnError = !AllowsErrors(options, cell), Metadata = CellMetadata(cell.Id) };
        return new PendingCell(client, handler, request, cell.Source, Limit(options.CellTimeout, deadline), _time, cancellationToken)
        {
            Index = index,
            Sent = start,
        };
    }

    /// <summary>
    /// A cell sent early whose turn never came (the cell before it stopped the run after its ok reply: the kernel died,
    /// the time ran out, Ctrl+C): it counts as not run, as in a run that never sent it.
    /// </summary>
    private static async Task AbandonAsync(RunningNotebook run, PendingCell cell)
    {
        await cell.DisposeAsync().ConfigureAwait(false);
        run.Reset(cell.Index);
        run.UpdateCellMetadata(cell.Index, m => m
            .With("execution", JObject.Empty)
            .With("papermill", (m.GetObject("papermill") ?? JObject.Empty).With("start_time", JLiteral.Null).With("status", "pending")));
    }

    private async Task<CellOutcome> FinishAsync(
        PendingCell cell,
        RunningNotebook run,
        KernelManager manager,
        int index,
        ExecutionOptions options,
        Task<KernelStatusChangedEventArgs> death,
        bool nextSent)
    {
        var execution = cell.Execution;
        var first = await Task.WhenAny(execution, death, cell.Timer, cell.Cancelled).ConfigureAwait(false);
        await cell.StopWaitingAsync().ConfigureAwait(false);
        if (nextSent && (first != execution || !execution.IsCompletedSuccessfully))
        {
            // The cell replied ok and the next one was sent: what ended the wait (death, the client closed by it, Ctrl+C,
            // a time limit) happened while the next cell was the kernel's, and is that cell's to report; this one is done.
            cell.Handler.ReplyReceived();
            return new CellOutcome(false, null, null);
        }

        if (first == execution)
        {
            try
            {
                var result = await execution.ConfigureAwait(false);
                cell.Handler.ReplyReceived();
                return result.Succeeded ? new CellOutcome(false, null, null) : new CellOutcome(true, result.Reply.Ename ?? result.Reply.Status, result.Reply.Evalue);
            }
            catch (Exception ex) when (ex is Quire.Messaging.Client.KernelDeadException or ObjectDisposedException or OperationCanceledException or TimeoutException or IOException)
            {
                // The manager closes the client before it reports the death; its reason is worth a moment's wait.
                return await DiedAsync(death, ex.Message).ConfigureAwait(false);
            }
        }

        if (first == death)
        {
            return await DiedAsync(death).ConfigureAwait(false);
        }

        // A timeout or Ctrl+C: interrupt, give the cell a moment to report its traceback, then stop.
        await InterruptAsync(manager, options.InterruptGrace).ConfigureAwait(false);
        await Task.WhenAny(execution, death, Task.Delay(options.InterruptGrace, _time, CancellationToken.None)).ConfigureAwait(false);
        if (first == cell.Cancelled)
        {
            return new CellOutcome(true, "KeyboardInterrupt", null) { Stop = ExecutionStatus.Interrupted, Message = "interrupted" };
        }

        var seconds = cell.Limit!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = cell.LimitIsTheRun
            ? $"the run timed out (--timeout) while this cell was being executed, after {seconds} seconds in it"
            : $"A cell timed out while it was being executed, after {seconds} seconds.";
        run.AddOutput(index, JObject.Of(
            ("ename", "CellTimeoutError"),
            ("evalue", message),
            ("output_type", "error"),
            ("traceback", JArray.OfStrings([$"CellTimeoutError: {message}"]))));
        return new CellOutcome(true, "CellTimeoutError", message) { Stop = ExecutionStatus.Timeout, Message = message };
    }
}
