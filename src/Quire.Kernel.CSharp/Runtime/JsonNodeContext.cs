using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>Source-generated serialization of the JSON tree a recorded value is wrapped in.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
