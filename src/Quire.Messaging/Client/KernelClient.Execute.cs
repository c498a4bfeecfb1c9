using System.Text.Json;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>Execution: an execute_request, its reply on shell, and its outputs on iopub up to the final idle.</summary>
public sealed partial class KernelClient
{
    /// <summary>
    /// Runs <paramref name="code"/> and returns when both the <c>execute_reply</c> and the iopub <c>idle</c> for it have
    /// arrived, in whichever order, so that <see cref="ExecutionResult.Outputs"/> is complete.
    /// Each output is also reported to <paramref name="output"/> as it arrives.
    /// </summary>
    /// <exception cref="TimeoutException">The reply or the idle did not arrive within <see cref="ExecuteOptions.Timeout"/>.</exception>
    /// <exception cref="KernelDeadException">The heartbeat was lost while waiting.</exception>
    public async Task<ExecutionResult> ExecuteAsync(
        string code,
        ExecuteOptions? options = null,
        IProgress<JupyterMessage>? output = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowIfDisposed();
        options ??= new ExecuteOptions();
        var content = new ExecuteRequest
        {
            Code = code,
            Silent = options.Silent,
            StoreHistory = options.StoreHistory,
            UserExpressions = options.UserExpressions is null ? [] : new Dictionary<string, string>(options.UserExpressions, StringComparer.Ordinal),
            AllowStdin = InputHandler is not null,
            StopOnError = options.StopOnError,
        };
        var metadata = options.Metadata is { } m ? JsonSerializer.SerializeToUtf8Bytes(m, Json.JsonElement) : default;
        var request = Session.Create(MessageTypes.ExecuteRequest, content, Json.ExecuteRequest, metadataJson: metadata);

        // Both are registered before sending: a fast kernel may answer before SendAsync returns.
        var execution = new ExecutionCollector(output, cancellationToken);
        _executions[request.MsgId] = execution;
        try
        {
            var reply = Register(request.MsgId);
            await _channels.SendAsync(KernelChannel.Shell, request, cancellationToken).ConfigureAwait(false);
            var timeout = options.Timeout ?? Timeout.InfiniteTimeSpan;
            try
            {
                await BothAsync(reply.Task, execution.Idle).WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!(reply.Task.IsCompleted && execution.Idle.IsCompleted))
            {
                var missing = reply.Task.IsCompleted ? "iopub status idle" : MessageTypes.ExecuteReply;
                throw new TimeoutException(TimeoutMessage(MessageTypes.ExecuteRequest, missing, timeout));
            }

            var replyMessage = await reply.Task.ConfigureAwait(false);
            return new ExecutionResult(replyMessage.GetContent(Json.ExecuteReply), execution.Snapshot());
        }
        finally
        {
            _pending.TryRemove(request.MsgId, out _);
            _executions.TryRemove(request.MsgId, out _);
        }
    }

    /// <summary>Completes when both complete, but fails as soon as either fails (Task.WhenAll would wait for the other).</summary>
    private static async Task BothAsync(Task first, Task second)
    {
        var done = await Task.WhenAny(first, second).ConfigureAwait(false);
        await done.ConfigureAwait(false);
        await (done == first ? second : first).ConfigureAwait(false);
    }
}
