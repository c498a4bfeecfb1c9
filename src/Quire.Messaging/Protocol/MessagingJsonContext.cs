using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Messaging.Protocol;

/// <summary>Source-generated JSON for the protocol: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MessageHeader))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;
