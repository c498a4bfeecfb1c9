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

        // Registered before sending: a fast kernel may answer before SendAsync returns.
        var onReply = options.ReplyReceived is { } replied ? reply => replied(reply.GetContent(Json.ExecuteReply)) : (Action<JupyterMessage>?)null;
        var execution = new ExecutionCollector(output, onReply, cancellationToken);
        _executions[request.MsgId] = execution;
        try
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                // Disposal may have failed the executions just before this one was added.
                ThrowIfDisposed();
            }

            await _channels.SendAsync(KernelChannel.Shell, request, cancellationToken).ConfigureAwait(false);
            var timeout = options.Timeout ?? Timeout.InfiniteTimeSpan;
            JupyterMessage reply;
            try
            {
                reply = await execution.Completed.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!execution.Completed.IsCompleted)
            {
                var missing = execution.HasReply ? "iopub status idle" : MessageTypes.ExecuteReply;
                throw new TimeoutException(TimeoutMessage(MessageTypes.ExecuteRequest, missing, timeout));
            }

            return new ExecutionResult(reply.GetContent(Json.ExecuteReply), execution.Snapshot());
        }
        finally
        {
            _executions.TryRemove(request.MsgId, out _);
        }
    }
}
