using System.Text.Json.Serialization;

namespace Quire.Kernel.CSharp.Execution;

[JsonSerializable(typeof(string))]
internal sealed partial class FormatterJsonContext : JsonSerializerContext;
