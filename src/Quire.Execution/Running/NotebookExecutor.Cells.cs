using System.Globalization;
using Quire.Kernels.Management;
using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>The cell loop: one cell after another until the end, an error that is not allowed, or a stop.</summary>
public sealed partial class NotebookExecutor
{
    // kernel_info's implementation of kernels that abort queued execute requests when one with stop_on_error fails
    // (ipykernel: Kernel._abort_queues; Quire's C# kernel: KernelHost).
    private static readonly HashSet<string> KernelsThatAbortTheirQueue = new(StringComparer.Ordinal) { "ipython", "quire-csharp" };

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
        var ahead = new Queue<PendingCell>();
        var sendAhead = SendAhead(options, manager);
        try
        {
            for (var ordinal = 1; ordinal <= cells.Count; ordinal++)
            {
                var index = cells[ordinal - 1];
                var cell = snapshot[index];
                var allowErrors = AllowsErrors(options, cell);
                DateTimeOffset start;
                PendingCell? current;
                if (ahead.TryDequeue(out var queued))
                {
                    current = queued;
                    current.Start.Run();
                    start = current.Start.At;
                    current.BeginTurn(Limit(options.CellTimeout, deadline), _time);
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

                    (current, start) = Send(run, manager, cells, ordinal, options, startNow: true, cancellationToken);
                    current?.BeginTurn(Limit(options.CellTimeout, deadline), _time);
                    if (current is not null && sendAhead > 1 && ordinal < cells.Count && !allowErrors)
                    {
                        // Queued behind a cell still running: only behind one that stops the queue if it fails.
                        SendAhead(ahead, sendAhead, run, manager, cells, ordinal, options, deadline, start, headReplied: false, cancellationToken);
                    }
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
                        var repliedOk = ordinal < cells.Count && await OkReplyFirstAsync(current, death, cancellationToken).ConfigureAwait(false);
                        if (repliedOk && !death.IsCompleted)
                        {
                            SendAhead(ahead, sendAhead, run, manager, cells, ordinal, options, deadline, _time.GetUtcNow(), headReplied: true, cancellationToken);
                        }

                        result = await FinishAsync(current, run, manager, index, options, death, nextsTurn: repliedOk && ahead.Count > 0).ConfigureAwait(false);
                    }
                    finally
                    {
                        await current.DisposeAsync().ConfigureAwait(false);
                    }
                }

                if (result.Stop is ExecutionStatus.KernelDied && ahead.Any(c => c.Handler.Began))
                {
                    // The kernel had begun a cell queued behind this one, so this one was done (its reply lost with the
                    // kernel): the death is that later cell's.
                    result = new CellOutcome(false, null, null);
                }
                else if (result.Stop is ExecutionStatus.KernelDied && ahead.Count > 0)
                {
                    // A kernel killed at once (SIGKILL, a crash) loses what it had not yet written to its sockets: this
                    // cell's reply, and the start of a queued cell that may be the one that killed it. Say so.
                    var behind = ahead.Count == 1 ? "1 cell was" : $"{ahead.Count} cells were";
                    result = result with { Message = $"{result.Message} ({behind} queued after it: a kernel killed at once may have been running one of them)" };
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
            while (ahead.TryDequeue(out var unrun))
            {
                await AbandonAsync(run, unrun).ConfigureAwait(false);
            }
        }

        return new ExecutionOutcome(run.Template, ExecutionStatus.Completed) { CellsExecuted = executed };
    }

    private static bool AllowsErrors(ExecutionOptions options, NotebookCell cell) =>
        options.AllowErrors || cell.Tags.Contains("raises-exception", StringComparer.Ordinal);

    /// <summary>
    /// Whether the cell's <c>execute_reply</c> said ok before anything else ended the wait (its completion, the kernel's
    /// death, its time limit, Ctrl+C): only then may later cells be sent. After an error (stop-on-error) no later cell may
    /// run, so none may have been sent.
    /// </summary>
    private static async Task<bool> OkReplyFirstAsync(PendingCell current, Task<KernelStatusChangedEventArgs> death, CancellationToken cancellationToken)
    {
        _ = await Task.WhenAny(current.OkReply, current.Execution, death, current.Timer, current.Cancelled).ConfigureAwait(false);

        // The reply may have come just before a death the manager reports once it has read the kernel's last messages.
        return current.OkReply.IsCompletedSuccessfully && current.OkReply.Result && !current.Timer.IsCompleted && !cancellationToken.IsCancellationRequested;
    }

    /// <summary>
    /// Sends the cells after the running one that are not yet sent, up to <paramref name="window"/> in the kernel's
    /// queue, so that the kernel goes from one to the next without waiting for this client (as JupyterLab's Run All
    /// sends every cell at once) and can compile them together (Quire's C# kernel). A cell is queued behind others only
    /// when each cell before it stops on error (<c>stop_on_error</c>): the kernel then aborts every queued request when
    /// one fails, is interrupted (Ctrl+C) or times out (an interrupt too), so no cell after a failure ever runs. Once
    /// the running cell replied ok (<paramref name="headReplied"/>) the next cell is always sent: nothing can fail
    /// before it any more. The caller checks that the running cell stops on error when it has not replied yet.
    /// </summary>
    private void SendAhead(
        Queue<PendingCell> ahead,
        int window,
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        int ordinal,
        ExecutionOptions options,
        DateTimeOffset? deadline,
        DateTimeOffset now,
        bool headReplied,
        CancellationToken cancellationToken)
    {
        if (deadline is { } d && now >= d)
        {
            return;
        }

        for (var next = ordinal + 1 + ahead.Count; next <= cells.Count && ahead.Count < Math.Max(1, window); next++)
        {
            if ((ahead.Count > 0 || !headReplied) && AllowsErrors(options, run.Cells[cells[next - 2]]))
            {
                // The cell before it would not stop the kernel's queue on an error: this one waits for its reply.
                return;
            }

            if (Send(run, manager, cells, next, options, startNow: false, cancellationToken).Cell is not { } sent)
            {
                return;
            }

            ahead.Enqueue(sent);
        }
    }

    /// <summary>
    /// How many cells may wait in the kernel's queue: one (the next, sent on the previous cell's ok reply) for kernels
    /// not known to abort their queue after a failed <c>stop_on_error</c> request, as the protocol asks; more for those
    /// that are (ipykernel, Quire's C# kernel).
    /// </summary>
    private static int SendAhead(ExecutionOptions options, KernelManager manager) =>
        manager.KernelInfo?.Implementation is { } implementation && KernelsThatAbortTheirQueue.Contains(implementation) ? options.SendAhead : 1;

    /// <summary>
    /// Sends the cell's request; null when there is no kernel client to send it with. With <paramref name="startNow"/>
    /// the cell is marked as running first (its turn has come), else when its turn comes or the kernel begins it.
    /// </summary>
    private (PendingCell? Cell, DateTimeOffset Start) Send(
        RunningNotebook run,
        KernelManager manager,
        List<int> cells,
        int ordinal,
        ExecutionOptions options,
        bool startNow,
        CancellationToken cancellationToken)
    {
        var index = cells[ordinal - 1];
        var cell = run.Cells[index];
        run.UpdateCellMetadata(index, m => m.With("execution", JObject.Empty));
        var start = new CellStart(
            at =>
            {
                run.UpdateCellMetadata(index, m => m.With("papermill", (m.GetObject("papermill") ?? JObject.Empty).With("start_time", Timestamps.Format(at)).With("status", "running")));
                options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.CellStarted, index, ordinal, cells.Count) { CellId = cell.Id });
            },
            _time);

        // Before the request goes out, so that every output event of the cell follows its start.
        if (startNow)
        {
            start.Run();
        }

        if (manager.Client is not { } client)
        {
            return (null, startNow ? start.At : default);
        }

        var handler = new CellMessageHandler(run, index, _time, start.Run, output =>
            options.Progress?.Report(new ExecutionEvent(ExecutionEventKind.Output, index, ordinal, cells.Count) { CellId = cell.Id, Output = output }));
        var request = new Quire.Messaging.Client.ExecuteOptions { StopOnError = !AllowsErrors(options, cell), Metadata = CellMetadata(cell.Id) };
        var pending = new PendingCell(client, handler, request, cell.Source, cancellationToken) { Index = index, Start = start };
        return (pending, startNow ? start.At : default);
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
        bool nextsTurn)
    {
        var execution = cell.Execution;
        var first = await Task.WhenAny(execution, death, cell.Timer, cell.Cancelled).ConfigureAwait(false);
        await cell.StopWaitingAsync().ConfigureAwait(false);
        if (nextsTurn && (first != execution || !execution.IsCompletedSuccessfully))
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
