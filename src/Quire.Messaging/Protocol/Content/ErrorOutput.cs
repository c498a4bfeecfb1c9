using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>error</c> (iopub): an exception raised by executed code. Named ErrorOutput: <c>Error</c> is a keyword in Visual Basic (CA1716).</summary>
public sealed record ErrorOutput : MessageContent
{
    [JsonPropertyName("ename")]
    public string Ename { get; init; } = string.Empty;

    [JsonPropertyName("evalue")]
    public string Evalue { get; init; } = string.Empty;

    [JsonPropertyName("traceback")]
    public IReadOnlyList<string> Traceback { get; init; } = [];
}
