using System.Text.Json;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Client;

/// <summary>How <see cref="KernelClient.ExecuteAsync"/> runs code; the defaults are jupyter_client's.</summary>
public sealed record ExecuteOptions
{
    public bool Silent { get; init; }

    public bool StoreHistory { get; init; } = true;

    public bool StopOnError { get; init; } = true;

    /// <summary>Names to expressions the kernel evaluates after the code; the values come back in the reply.</summary>
    public IReadOnlyDictionary<string, string>? UserExpressions { get; init; }

    /// <summary>
    /// How long to wait for the reply and the final idle. Null waits as long as the code runs (as jupyter_client and
    /// nbclient do by default): a cell may legitimately run for hours, and cancellation or a lost heartbeat ends the wait.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The request's metadata object, e.g. <c>{"cellId": "..."}</c>; <c>{}</c> when null.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>
    /// Called as soon as the <c>execute_reply</c> arrives, usually before the iopub idle that completes the execution:
    /// a caller that sends its next request on an ok reply has it queued in the kernel by the time the kernel goes
    /// idle. Runs on the client's receive loop, so it must be quick and must not block.
    /// </summary>
    public Action<ExecuteReply>? ReplyReceived { get; init; }
}
