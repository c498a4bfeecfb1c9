using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Hosting;

public sealed partial class KernelHost
{
    // Execute requests already queued when a cell failed with stop_on_error are aborted, as ipykernel does.
    private int _abortRemaining;

    // Requests taken from the channel ahead of their turn, so that an engine can see the cells queued behind the
    // running one (UpcomingCode); the shell loop takes them from here first. Only the shell loop's flow touches it.
    private readonly Queue<JupyterMessage> _ahead = new();

    private async Task ShellLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _channels.Reader(KernelChannel.Shell);
        while (_ahead.Count > 0 || await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_ahead.TryDequeue(out var request) || reader.TryRead(out request))
            {
                await PublishStatusAsync(ExecutionStates.Busy, request, cancellationToken).ConfigureAwait(false);
                try
                {
                    await HandleShellAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogHandlerFailed(request.MsgType, ex);
                }

                await PublishStatusAsync(ExecutionStates.Idle, request, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The code of the execute requests queued right behind the running one (at most <paramref name="max"/>) that will
    /// run as it does: not silent, stored in the history, stopping on error. Called from the running cell's flow; each
    /// request's content is read only when the caller gets that far (a batch usually stops well before the end).
    /// </summary>
    internal IEnumerable<string> UpcomingCode(ExecuteRequest running, int max)
    {
        var reader = _channels.Reader(KernelChannel.Shell);
        while (_ahead.Count < max && reader.TryRead(out var arrived))
        {
            _ahead.Enqueue(arrived);
        }

        return running.Silent || !running.StoreHistory || !running.StopOnError ? [] : Queued(_ahead, max);

        static IEnumerable<string> Queued(Queue<JupyterMessage> ahead, int max)
        {
            var count = 0;
            foreach (var queued in ahead)
            {
                if (count == max || queued.MsgType != MessageTypes.ExecuteRequest)
                {
                    yield break;
                }

                var content = queued.GetContent(MessagingJsonContext.Default.ExecuteRequest);
                if (content.Silent || !content.StoreHistory || !content.StopOnError)
                {
                    yield break;
                }

                count++;
                yield return content.Code;
            }
        }
    }

    private async Task HandleShellAsync(JupyterMessage request, CancellationToken cancellationToken)
    {
        var json = MessagingJsonContext.Default;
        var aborting = _abortRemaining > 0;
        if (aborting)
        {
            _abortRemaining--;
        }

        switch (request.MsgType)
        {
            case MessageTypes.ExecuteRequest when aborting:
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.ExecuteReply,
                    new ExecuteReply { Status = ReplyStatus.Aborted, ExecutionCount = ExecutionCount }, json.ExecuteReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.ExecuteRequest:
                await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.KernelInfoRequest:
                await ReplyKernelInfoAsync(KernelChannel.Shell, request, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.CompleteRequest:
                var complete = await _engine.CompleteAsync(request.GetContent(json.CompleteRequest), cancellationToken).ConfigureAwait(false);
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.CompleteReply, complete, json.CompleteReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.InspectRequest:
                var inspect = await _engine.InspectAsync(request.GetContent(json.InspectRequest), cancellationToken).ConfigureAwait(false);
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.InspectReply, inspect, json.InspectReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.IsCompleteRequest:
                var isComplete = await _engine.IsCompleteAsync(request.GetContent(json.IsCompleteRequest), cancellationToken).ConfigureAwait(false);
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.IsCompleteReply, isComplete, json.IsCompleteReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.HistoryRequest:
                var history = new HistoryReply { History = _history.Query(request.GetContent(json.HistoryRequest)) };
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.HistoryReply, history, json.HistoryReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.CommInfoRequest:
                await ReplyAsync(KernelChannel.Shell, request, MessageTypes.CommInfoReply, new CommInfoReply(), json.CommInfoReply, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.ShutdownRequest:
                // Deprecated on shell since 5.4, still honoured.
                await ShutdownAsync(KernelChannel.Shell, request, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTypes.CommOpen or MessageTypes.CommMsg or MessageTypes.CommClose:
                // No comm targets are registered: messages to them are dropped, as ipykernel does for unknown targets.
                break;
            default:
                LogUnknownMessage("shell", request.MsgType);
                break;
        }
    }

    private async Task ExecuteAsync(JupyterMessage request, CancellationToken cancellationToken)
    {
        var json = MessagingJsonContext.Default;
        var content = request.GetContent(json.ExecuteRequest);
        var count = !content.Silent && content.StoreHistory ? Interlocked.Increment(ref _executionCount) : ExecutionCount;
        if (!content.Silent)
        {
            await PublishAsync(MessageTypes.ExecuteInput, new ExecuteInput { Code = content.Code, ExecutionCount = count }, json.ExecuteInput, request, cancellationToken).ConfigureAwait(false);
        }

        if (!content.Silent && content.StoreHistory)
        {
            _history.Add((int)count, content.Code);
        }

        var outcome = await RunEngineAsync(new KernelExecution(this, request, content, count), cancellationToken).ConfigureAwait(false);
        if (outcome.IsError)
        {
            var error = new ErrorOutput { Ename = outcome.EName!, Evalue = outcome.EValue ?? string.Empty, Traceback = outcome.Traceback };
            await PublishAsync(MessageTypes.Error, error, json.ErrorOutput, request, cancellationToken).ConfigureAwait(false);
            if (content.StopOnError)
            {
                var shell = _channels.Reader(KernelChannel.Shell);
                _abortRemaining = _ahead.Count + (shell.CanCount ? shell.Count : 0);
            }
        }

        var reply = new ExecuteReply
        {
            Status = outcome.IsError ? ReplyStatus.Error : ReplyStatus.Ok,
            ExecutionCount = count,
            Ename = outcome.EName,
            Evalue = outcome.EValue,
            Traceback = outcome.IsError ? outcome.Traceback : null,
            UserExpressions = [],
            Payload = outcome.IsError ? null : [],
        };
        await ReplyAsync(KernelChannel.Shell, request, MessageTypes.ExecuteReply, reply, json.ExecuteReply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionOutcome> RunEngineAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = running;
        try
        {
            return await _engine.ExecuteAsync(execution, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ExecutionOutcome.Error("KeyboardInterrupt", "interrupted", ["KeyboardInterrupt: the cell was interrupted"]);
        }
        catch (StdinNotAllowedException ex)
        {
            return ExecutionOutcome.Error("StdinNotImplementedError", ex.Message, [$"StdinNotImplementedError: {ex.Message}"]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An engine should turn its own errors into outcomes; anything that escapes still becomes an error reply.
            return ExecutionOutcome.Error(ex.GetType().Name, ex.Message, [.. ex.ToString().Split('\n')]);
        }
        finally
        {
            _running = null;
        }
    }

    private ValueTask ReplyKernelInfoAsync(KernelChannel channel, JupyterMessage request, CancellationToken cancellationToken) =>
        ReplyAsync(channel, request, MessageTypes.KernelInfoReply, _engine.KernelInfo with { Status = ReplyStatus.Ok, ProtocolVersion = ProtocolVersion.Current },
            MessagingJsonContext.Default.KernelInfoReply, cancellationToken);
}
