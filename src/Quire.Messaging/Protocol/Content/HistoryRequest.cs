using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary><c>history_request</c> (shell). Which fields apply depends on <see cref="HistAccessType"/>; unset ones are not sent.</summary>
public sealed record HistoryRequest : MessageContent
{
    [JsonPropertyName("output")]
    public bool Output { get; init; }

    [JsonPropertyName("raw")]
    public bool Raw { get; init; } = true;

    /// <summary><c>range</c> (session, start, stop), <c>tail</c> (n) or <c>search</c> (pattern, unique, n).</summary>
    [JsonPropertyName("hist_access_type")]
    public string HistAccessType { get; init; } = "range";

    [JsonPropertyName("session")]
    public int? Session { get; init; }

    [JsonPropertyName("start")]
    public int? Start { get; init; }

    [JsonPropertyName("stop")]
    public int? Stop { get; init; }

    [JsonPropertyName("n")]
    public int? N { get; init; }

    [JsonPropertyName("pattern")]
    public string? Pattern { get; init; }

    [JsonPropertyName("unique")]
    public bool? Unique { get; init; }
}
