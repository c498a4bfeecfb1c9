using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>execute_input</c> (iopub): the code being run, broadcast to every client.</summary>
public sealed record ExecuteInput : MessageContent
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;

    [JsonPropertyName("execution_count")]
    public long? ExecutionCount { get; init; }
}
