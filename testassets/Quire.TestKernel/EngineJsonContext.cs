using System.Text.Json.Serialization;

namespace Quire.TestKernel;

[JsonSerializable(typeof(string))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
