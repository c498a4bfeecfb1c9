using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>status</c> (iopub): the kernel's execution state.</summary>
public sealed record Status : MessageContent
{
    /// <summary><c>starting</c>, <c>busy</c> or <c>idle</c>.</summary>
    [JsonPropertyName("execution_state")]
    public string ExecutionState { get; init; } = string.Empty;
}
