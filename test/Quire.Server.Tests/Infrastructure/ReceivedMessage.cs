using System.Text.Json;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>A kernel message as a test client received it over a WebSocket.</summary>
internal sealed record ReceivedMessage(
    string Channel, JsonElement Header, JsonElement ParentHeader, JsonElement Metadata, JsonElement Content, IReadOnlyList<byte[]> Buffers, bool WasText)
{
    public string MsgType => Header.GetProperty("msg_type").GetString()!;

    public string MsgId => Header.GetProperty("msg_id").GetString()!;

    public string? ParentMsgId => ParentHeader.ValueKind == JsonValueKind.Object && ParentHeader.TryGetProperty("msg_id", out var id) ? id.GetString() : null;

    /// <summary>A string in the content, or null.</summary>
    public string? Text(string name) => Content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool IsStatus(string state) => Channel == "iopub" && MsgType == "status" && Text("execution_state") == state;

    public override string ToString() => $"{Channel} {MsgType} (parent {ParentMsgId}) {Content.GetRawText()}";
}
