using System.Text.Json;
using System.Text.Json.Serialization;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Protocol;

/// <summary>
/// Source-generated JSON for the protocol: no reflection on the hot path. Nulls are left out because optional fields
/// (an ok reply's <c>ename</c>, a history request's unused range) are absent on the wire, not <c>null</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MessageHeader))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(ClearOutput))]
[JsonSerializable(typeof(CommClose))]
[JsonSerializable(typeof(CommInfoReply))]
[JsonSerializable(typeof(CommInfoRequest))]
[JsonSerializable(typeof(CommMsg))]
[JsonSerializable(typeof(CommOpen))]
[JsonSerializable(typeof(CompleteReply))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(DebugEvent))]
[JsonSerializable(typeof(DebugReply))]
[JsonSerializable(typeof(DebugRequest))]
[JsonSerializable(typeof(DisplayData))]
[JsonSerializable(typeof(ErrorOutput))]
[JsonSerializable(typeof(ExecuteInput))]
[JsonSerializable(typeof(ExecuteReply))]
[JsonSerializable(typeof(ExecuteRequest))]
[JsonSerializable(typeof(ExecuteResult))]
[JsonSerializable(typeof(HelpLink))]
[JsonSerializable(typeof(HistoryReply))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(InputReply))]
[JsonSerializable(typeof(InputRequest))]
[JsonSerializable(typeof(InspectReply))]
[JsonSerializable(typeof(InspectRequest))]
[JsonSerializable(typeof(InterruptReply))]
[JsonSerializable(typeof(InterruptRequest))]
[JsonSerializable(typeof(IsCompleteReply))]
[JsonSerializable(typeof(IsCompleteRequest))]
[JsonSerializable(typeof(KernelInfoReply))]
[JsonSerializable(typeof(KernelInfoRequest))]
[JsonSerializable(typeof(LanguageInfo))]
[JsonSerializable(typeof(ShutdownReply))]
[JsonSerializable(typeof(ShutdownRequest))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(StreamOutput))]
[JsonSerializable(typeof(UpdateDisplayData))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;
