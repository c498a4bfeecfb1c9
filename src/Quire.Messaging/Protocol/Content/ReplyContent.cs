using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol.Content;

/// <summary>
/// The fields every <c>*_reply</c> shares: <c>status</c> (<c>ok</c>, <c>error</c>, or the deprecated <c>aborted</c>) and,
/// on <c>error</c>, the exception's name, value and traceback.
/// </summary>
public abstract record ReplyContent : MessageContent
{
    [JsonPropertyName("status")]
    [JsonPropertyOrder(-1)]
    public string Status { get; init; } = ReplyStatus.Ok;

    [JsonPropertyName("ename")]
    public string? Ename { get; init; }

    [JsonPropertyName("evalue")]
    public string? Evalue { get; init; }

    [JsonPropertyName("traceback")]
    public IReadOnlyList<string>? Traceback { get; init; }

    [JsonIgnore]
    public bool IsOk => Status == ReplyStatus.Ok;
}
