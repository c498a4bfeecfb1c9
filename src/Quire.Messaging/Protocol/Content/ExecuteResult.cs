using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>execute_result</c> (iopub).</summary>
public sealed record ExecuteResult : MessageContent
{
    [JsonPropertyName("execution_count")]
    public long? ExecutionCount { get; init; }

    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    [JsonPropertyName("transient")]
    public Dictionary<string, JsonElement>? Transient { get; init; }
}
