using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>clear_output</c> (iopub).</summary>
public sealed record ClearOutput : MessageContent
{
    /// <summary>Clear when the next output arrives, not now.</summary>
    [JsonPropertyName("wait")]
    public bool Wait { get; init; }
}
