using System.Text.Json.Serialization;

namespace Quire.Kernel.CSharp.EditorServices;

[JsonSerializable(typeof(List<CompletionType>))]
[JsonSerializable(typeof(string))]
internal sealed partial class EditorJsonContext : JsonSerializerContext;
