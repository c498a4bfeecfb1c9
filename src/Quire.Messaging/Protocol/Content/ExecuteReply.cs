using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>execute_reply</c>. <see cref="ExecutionCount"/> is absent from some kernels' aborted replies.</summary>
public sealed record ExecuteReply : ReplyContent
{
    [JsonPropertyName("execution_count")]
    public long? ExecutionCount { get; init; }

    /// <summary>Deprecated pagers and set_next_input payloads, passed through.</summary>
    [JsonPropertyName("payload")]
    public IReadOnlyList<JsonElement>? Payload { get; init; }

    [JsonPropertyName("user_expressions")]
    public Dictionary<string, JsonElement>? UserExpressions { get; init; }
}
