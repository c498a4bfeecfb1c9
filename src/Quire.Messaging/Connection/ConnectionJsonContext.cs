using System.Text.Json.Serialization;

namespace Quire.Messaging.Connection;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ConnectionInfo))]
internal sealed partial class ConnectionJsonContext : JsonSerializerContext;
