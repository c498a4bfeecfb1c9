using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>execute_request</c> (shell): run code. Defaults are the protocol's.</summary>
public sealed record ExecuteRequest : MessageContent
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;

    /// <summary>Run as quietly as possible: no execute_input/outputs broadcast, no history, no count.</summary>
    [JsonPropertyName("silent")]
    public bool Silent { get; init; }

    [JsonPropertyName("store_history")]
    public bool StoreHistory { get; init; } = true;

    [JsonPropertyName("user_expressions")]
    public Dictionary<string, string> UserExpressions { get; init; } = [];

    /// <summary>False makes <c>input()</c> fail in the kernel instead of waiting for a frontend that cannot answer.</summary>
    [JsonPropertyName("allow_stdin")]
    public bool AllowStdin { get; init; } = true;

    [JsonPropertyName("stop_on_error")]
    public bool StopOnError { get; init; } = true;
}
