using System.Text.Json.Serialization;

namespace Quire.Kernel.Hosting;

[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(object?[]))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
